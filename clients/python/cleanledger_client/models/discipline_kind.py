from enum import StrEnum

class DisciplineKind(StrEnum):
    DEMOTION = "demotion"
    DISMISSAL = "dismissal"
    PAY_CUT = "pay_cut"
    REMOVAL = "removal"
    REPRIMAND = "reprimand"
    SUSPENSION = "suspension"

    def __str__(self) -> str:
        return str(self.value)
