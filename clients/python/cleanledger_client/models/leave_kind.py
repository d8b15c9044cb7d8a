from enum import StrEnum

class LeaveKind(StrEnum):
    PARENTAL = "parental"
    SICK = "sick"
    UNPAID = "unpaid"

    def __str__(self) -> str:
        return str(self.value)
