from enum import StrEnum

class SeveranceAccrual(StrEnum):
    MONTHLY = "monthly"
    YEAR_END = "year_end"

    def __str__(self) -> str:
        return str(self.value)
