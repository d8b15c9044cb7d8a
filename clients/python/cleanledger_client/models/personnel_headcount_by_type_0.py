from enum import StrEnum

class PersonnelHeadcountByType0(StrEnum):
    BAND = "band"
    DEPARTMENT = "department"
    GRADE = "grade"

    def __str__(self) -> str:
        return str(self.value)
