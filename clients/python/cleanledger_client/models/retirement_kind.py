from enum import StrEnum

class RetirementKind(StrEnum):
    AGE = "age"
    DISMISSAL = "dismissal"
    VOLUNTARY = "voluntary"

    def __str__(self) -> str:
        return str(self.value)
