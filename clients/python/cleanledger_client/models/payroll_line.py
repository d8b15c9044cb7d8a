from enum import StrEnum

class PayrollLine(StrEnum):
    VALUE_0 = "101-01"
    VALUE_1 = "304-01"
    VALUE_2 = "304-02"
    VALUE_3 = "304-03"
    VALUE_4 = "107-03"

    def __str__(self) -> str:
        return str(self.value)
