from enum import StrEnum

class CarryOverKind(StrEnum):
    ACCIDENT = "accident"
    CONTINUING = "continuing"
    EXPLICIT = "explicit"

    def __str__(self) -> str:
        return str(self.value)
