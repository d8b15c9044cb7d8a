from enum import StrEnum

class TableKind(StrEnum):
    ALLOWANCES = "allowances"
    CONTRIBUTIONS = "contributions"
    PAY_RULES = "pay_rules"
    PAY_SCALE = "pay_scale"
    WITHHOLDING = "withholding"
    WITHHOLDING_RULES = "withholding_rules"
    WORK_PREMIUMS = "work_premiums"
    YEAR_END = "year_end"

    def __str__(self) -> str:
        return str(self.value)
