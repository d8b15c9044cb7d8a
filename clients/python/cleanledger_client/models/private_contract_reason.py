from enum import StrEnum

class PrivateContractReason(StrEnum):
    EMERGENCY = "emergency"
    FOLLOW_ON = "follow-on"
    OTHER = "other"
    SECURITY = "security"
    SMALL_AMOUNT = "small-amount"
    SOCIAL_ENTERPRISE = "social-enterprise"
    SOLE_SOURCE = "sole-source"

    def __str__(self) -> str:
        return str(self.value)
