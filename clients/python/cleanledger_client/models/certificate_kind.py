from enum import StrEnum

class CertificateKind(StrEnum):
    CAREER = "career"
    EMPLOYMENT = "employment"

    def __str__(self) -> str:
        return str(self.value)
