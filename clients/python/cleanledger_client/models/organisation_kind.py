from enum import StrEnum

class OrganisationKind(StrEnum):
    CITY = "city"
    DISTRICT = "district"
    INSTITUTION = "institution"

    def __str__(self) -> str:
        return str(self.value)
