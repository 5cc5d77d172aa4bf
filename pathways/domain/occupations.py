"""What Pathways tells people about an occupation, as plain values the API and renderers use."""

from __future__ import annotations

from dataclasses import dataclass, field

from pathways.domain.wages import WageEstimate

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET {release} Database by the U.S. "
    "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the "
    "CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. Pathways has modified all or some "
    "of this information. USDOL/ETA has not approved, endorsed, or tested these modifications."
)
BLS_NOTICE = (
    "Source: U.S. Bureau of Labor Statistics. BLS.gov cannot vouch for the data or analyses "
    "derived from these data after the data have been retrieved from BLS.gov."
)


@dataclass(frozen=True, slots=True)
class SearchHit:
    soc: str
    title: str
    job_zone: int | None
    matched: str  # "code", "title" or "alternate_title"
    matched_text: str  # what matched: the code, the title or the alternate title


@dataclass(frozen=True, slots=True)
class SkillRequirement:
    element_id: str | None
    name: str
    kind: str
    importance: float
    level: float
    suppressed: bool


@dataclass(frozen=True, slots=True)
class JobZoneInfo:
    zone: int
    name: str
    education: str
    experience: str
    training: str


@dataclass(frozen=True, slots=True)
class EducationShare:
    category: int
    label: str
    percent: float


@dataclass(frozen=True, slots=True)
class Education:
    typical_entry: str | None
    work_experience: str | None
    on_the_job_training: str | None
    required_level: list[EducationShare]  # O*NET: share of workers at each education level


@dataclass(frozen=True, slots=True)
class OutlookInfo:
    base_year: int
    target_year: int
    reported_soc: str
    reported_title: str
    employment: int | None
    projected_employment: int | None
    change_percent: float | None
    annual_openings: int | None
    median_annual_wage: int | None
    median_wage_top_coded: bool

    @property
    def source_label(self) -> str:
        return f"BLS Employment Projections {self.base_year}–{str(self.target_year)[2:]}"


@dataclass(frozen=True, slots=True)
class RelatedInfo:
    soc: str
    title: str
    tier: str


@dataclass(frozen=True, slots=True)
class WageResolution:
    """Wages for a place as asked ("area" or "region"), and the estimate actually used."""

    requested_kind: str  # "nation", "area" or "region"
    requested_code: str  # the area code or region slug asked for
    requested_name: str
    estimate: WageEstimate | None
    reported_title: str | None  # set when BLS reports the wage under a broader SOC code

    @property
    def fallback(self) -> bool:
        """True when the figures come from a wider area than the one asked for."""
        if self.estimate is None:
            return True
        return self.requested_kind != "nation" and self.estimate.area.code != self.requested_code


@dataclass(frozen=True, slots=True)
class DataSource:
    name: str
    vintage: str
    notice: str


@dataclass(frozen=True)
class OccupationProfile:
    soc: str
    onet_soc: str | None
    title: str
    description: str | None
    alternate_titles: list[str]
    job_zone: JobZoneInfo | None
    education: Education
    outlook: OutlookInfo | None
    wages: WageResolution
    skills: list[SkillRequirement]
    knowledge: list[SkillRequirement]
    related: list[RelatedInfo]
    sources: list[DataSource] = field(default_factory=list)
