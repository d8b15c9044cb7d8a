from enum import StrEnum

class VendorKind(StrEnum):
    BUSINESS = "business"
    PERSON = "person"

    def __str__(self) -> str:
        return str(self.value)
