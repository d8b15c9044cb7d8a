from enum import StrEnum

class JournalKind(StrEnum):
    ACCRUAL = "accrual"
    ADJUSTMENT = "adjustment"
    CLOSING = "closing"
    DEPRECIATION = "depreciation"
    OPENING = "opening"

    def __str__(self) -> str:
        return str(self.value)
