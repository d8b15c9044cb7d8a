from enum import StrEnum

class HeadcountBy(StrEnum):
    BAND = "band"
    DEPARTMENT = "department"
    GRADE = "grade"

    def __str__(self) -> str:
        return str(self.value)
