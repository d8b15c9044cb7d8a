from enum import StrEnum

class ContractMethod(StrEnum):
    OPEN = "open"
    PRIVATE = "private"
    RESTRICTED = "restricted"

    def __str__(self) -> str:
        return str(self.value)
