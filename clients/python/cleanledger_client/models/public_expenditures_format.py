from enum import StrEnum

class PublicExpendituresFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
