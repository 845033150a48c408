"""A survey's results: each question's answers counted (choices, ratings) or listed (text),
and the rows of its spreadsheet. Answers are read once, a row at a time."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from surveys.models import CHOICE_TYPES, RATINGS

TEXTS_SHOWN = 200  # text answers the results page lists; the spreadsheet has them all


def respondent_name(first_name, last_name, email):
    """A respondent's name as the portal shows members (full name, else their address's
    first part)."""
    return f"{first_name} {last_name}".strip() or (email or "").split("@")[0]


@dataclass
class Bar:
    """One choice (or rating) of a question: how many chose it, and its share."""

    label: str
    count: int
    percent: int = 0


@dataclass
class QuestionResult:
    """What respondents answered to one question."""

    question: object
    answered: int = 0
    counts: Counter = field(default_factory=Counter)
    texts: list = field(default_factory=list)  # (text, respondent name or "")
    bars: list = field(default_factory=list)
    average: float | None = None

    @property
    def shown_texts(self):
        """The text answers the results page lists."""
        return self.texts[:TEXTS_SHOWN]

    @property
    def more_texts(self):
        """How many text answers the page leaves to the spreadsheet."""
        return max(0, len(self.texts) - TEXTS_SHOWN)

    @property
    def kind(self):
        """``choice``, ``rating`` or ``text``: how the results page shows it."""
        field_type = self.question.field_type
        if field_type in CHOICE_TYPES:
            return "choice"
        return "rating" if field_type == "rating" else "text"

    def add(self, value, name):
        """Count one respondent's answer (nothing for a question they left blank)."""
        if value in (None, "", []):
            return
        self.answered += 1
        if self.kind == "text":
            self.texts.append((str(value), name))
        elif isinstance(value, list):
            self.counts.update(str(item) for item in value)
        else:
            self.counts[str(value)] += 1

    def finish(self, anonymous):
        """Bars in the question's own order (answers to choices since removed last), shares
        of those who answered it, the average rating; an anonymous survey's texts in
        alphabetical order, which says nothing of who wrote them or when."""
        if self.kind == "rating":
            labels = [str(n) for n in RATINGS]
            total = sum(int(label) * self.counts[label] for label in labels)
            self.average = round(total / self.answered, 1) if self.answered else None
        else:
            labels = self.question.choice_list() if self.kind == "choice" else []
        labels += [label for label in self.counts if label not in labels]
        self.bars = [
            Bar(label, self.counts[label], round(100 * self.counts[label] / self.answered))
            if self.answered
            else Bar(label, 0)
            for label in labels
        ]
        if anonymous:
            self.texts.sort(key=lambda text: text[0].casefold())
        return self


@dataclass
class SurveyResults:
    """Every question's results and the number of respondents."""

    respondents: int
    questions: list


def answers(survey):
    """(form data, respondent name) of every answer, oldest first (names only when named)."""
    rows = survey.get_submissions().order_by("submit_time", "pk")
    if survey.anonymous:
        for data in rows.values_list("form_data", flat=True).iterator():
            yield data, ""
        return
    fields = ("form_data", "respondent__first_name", "respondent__last_name", "respondent__email")
    for data, first, last, email in rows.values_list(*fields).iterator():
        yield data, respondent_name(first, last, email) if email else ""


def tally(survey):
    """A :class:`SurveyResults` of ``survey``."""
    results = [QuestionResult(question) for question in survey.form_fields.all()]
    respondents = 0
    for data, name in answers(survey):
        respondents += 1
        for result in results:
            result.add(data.get(result.question.clean_name), name)
    return SurveyResults(respondents, [result.finish(survey.anonymous) for result in results])


def csv_rows(survey):
    """(header, rows) of the survey's spreadsheet: a row per answer, a column per question;
    named answers start with the respondent and the time. An anonymous survey's rows carry
    neither, and come in an order of their own (their answers'), not the order of answering."""
    questions = list(survey.form_fields.all())
    header = [question.label for question in questions]
    if not survey.anonymous:
        header = [_("Respondent"), _("Submitted (UTC)")] + header
    rows = []
    submissions = survey.get_submissions().select_related("respondent").order_by("submit_time")
    for submission in submissions.iterator():
        row = [submission.form_data.get(question.clean_name) for question in questions]
        if not survey.anonymous:
            person = submission.respondent
            name = (
                respondent_name(person.first_name, person.last_name, person.email) if person else ""
            )
            row = [name, submission.submit_time.strftime("%Y-%m-%d %H:%M")] + row
        rows.append(row)
    if survey.anonymous:
        rows.sort(key=lambda row: [str(cell) for cell in row])
    return header, rows
