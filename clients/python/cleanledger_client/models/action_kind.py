from enum import StrEnum

class ActionKind(StrEnum):
    CANCELLATION = "cancellation"
    DISCIPLINE = "discipline"
    HIRE = "hire"
    LEAVE = "leave"
    PROBATION_END = "probation_end"
    PROMOTION = "promotion"
    RETIREMENT = "retirement"
    RETURN = "return"
    SECONDMENT = "secondment"
    STEP_INCREASE = "step_increase"
    SUSPENSION = "suspension"
    TRANSFER = "transfer"
    WORKING_PATTERN = "working_pattern"

    def __str__(self) -> str:
        return str(self.value)
