from enum import StrEnum

class ActionStatus(StrEnum):
    AMENDED = "amended"
    APPROVED = "approved"
    CANCELLED = "cancelled"
    DRAFTED = "drafted"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
