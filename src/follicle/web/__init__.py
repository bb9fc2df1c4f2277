"""The web layer (Django): thin views over the knowledge data and the engine.

Views load, authorise, call one action and respond; writes go through each app's ``actions``
module. Nothing in ``follicle.knowledge`` or ``follicle.engine`` depends on this package.
"""
