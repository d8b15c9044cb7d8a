from enum import StrEnum

class HeadcountPolicy(StrEnum):
    FLAG = "flag"
    REFUSE = "refuse"

    def __str__(self) -> str:
        return str(self.value)
