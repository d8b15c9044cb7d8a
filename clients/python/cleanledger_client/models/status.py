from enum import StrEnum

class Status(StrEnum):
    EMPLOYED = "employed"
    ON_LEAVE = "on_leave"
    RETIRED = "retired"
    SECONDED = "seconded"
    SUSPENDED = "suspended"

    def __str__(self) -> str:
        return str(self.value)
