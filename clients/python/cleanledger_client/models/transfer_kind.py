from enum import StrEnum

class TransferKind(StrEnum):
    APPROPRIATION_TRANSFER = "appropriation-transfer"
    DIVERSION = "diversion"

    def __str__(self) -> str:
        return str(self.value)
