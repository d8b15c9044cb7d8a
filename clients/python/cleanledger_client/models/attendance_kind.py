from enum import StrEnum

class AttendanceKind(StrEnum):
    ABSENCE = "absence"
    ANNUAL_LEAVE = "annual_leave"
    HALF_DAY_LEAVE = "half_day_leave"
    OFFICIAL_LEAVE = "official_leave"
    OVERTIME = "overtime"
    SICK_LEAVE = "sick_leave"

    def __str__(self) -> str:
        return str(self.value)
