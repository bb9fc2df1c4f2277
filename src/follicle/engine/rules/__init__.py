"""The engine's rules, one module per clinical question, applied in order by
:func:`follicle.engine.assessment.assess`: red flags, likely conditions, contributing factors,
options (with the exosome criteria and costs), then ranking."""
