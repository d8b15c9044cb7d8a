"""Payroll (급여): effective-dated pay and statutory tables, the monthly run, severance and the
year-end settlement, computed for a month as one batch over every employee of an organisation."""
