from enum import StrEnum

class ReportDiffName(StrEnum):
    BALANCE_SHEET = "balance-sheet"
    BUDGET_VS_ACTUAL = "budget-vs-actual"
    INCOME_STATEMENT = "income-statement"
    TRIAL_BALANCE = "trial-balance"

    def __str__(self) -> str:
        return str(self.value)
