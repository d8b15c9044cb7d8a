from enum import StrEnum

class PersonnelEmployeesStatusType0(StrEnum):
    EMPLOYED = "employed"
    ON_LEAVE = "on_leave"
    RETIRED = "retired"
    SECONDED = "seconded"
    SUSPENDED = "suspended"

    def __str__(self) -> str:
        return str(self.value)
