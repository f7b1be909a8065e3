"""Build corpus/legal/service-level-agreement.pdf (the Larkbox SLA) with fpdf2.

Run from the repository root:

    .venv/bin/python corpus/_build/make_pdf.py

Only core fonts (Helvetica) and latin-1 text are used, so no font files are needed.
The output is deterministic (fixed creation date) so rebuilding does not change the file
unless this script changes.
"""

from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).resolve().parent.parent / "legal" / "service-level-agreement.pdf"
TITLE = "Larkbox Service Level Agreement"


class SLA(FPDF):
    def header(self):
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 6, "Larkbox Ltd - Service Level Agreement - Version 2.1", align="R")
        self.ln(10)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)

    def h1(self, text):
        self.set_font("Helvetica", "B", 18)
        self.multi_cell(0, 9, text)
        self.ln(2)

    def h2(self, text):
        self.ln(2)
        self.set_font("Helvetica", "B", 13)
        self.multi_cell(0, 7, text)
        self.ln(1)

    def para(self, text):
        self.set_font("Helvetica", "", 10.5)
        self.multi_cell(0, 5.4, text)
        self.ln(2)

    def bullets(self, items):
        self.set_font("Helvetica", "", 10.5)
        for item in items:
            self.set_x(self.l_margin + 4)
            self.multi_cell(0, 5.4, "- " + item)
            self.ln(0.6)
        self.ln(1.5)

    def table(self, header, rows, widths):
        self.set_font("Helvetica", "B", 10)
        for text, w in zip(header, widths):
            self.cell(w, 7, text, border=1)
        self.ln(7)
        self.set_font("Helvetica", "", 10)
        for row in rows:
            for text, w in zip(row, widths):
                self.cell(w, 7, text, border=1)
            self.ln(7)
        self.ln(3)


def build():
    pdf = SLA(format="A4")
    pdf.set_title(TITLE)
    pdf.set_author("Larkbox Ltd")
    pdf.set_subject("Monthly uptime commitments, service credits and support response times")
    pdf.set_keywords("sla, uptime, service credits, support, legal")
    pdf.set_creator("corpus/_build/make_pdf.py")
    pdf.set_creation_date(datetime(2026, 6, 15, 9, 0, 0, tzinfo=timezone.utc))
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(auto=True, margin=20)

    # ---------------------------------------------------------------- page 1
    pdf.add_page()
    pdf.h1(TITLE)
    pdf.para(
        "Version 2.1. Effective date: 1 July 2026. This version supersedes version 2.0 of the "
        "Larkbox Service Level Agreement, which took effect on 1 February 2025."
    )
    pdf.para(
        "This Service Level Agreement (the \"SLA\") is made by Larkbox Ltd, 27 Finsbury Quay, "
        "London EC2A 9LX, United Kingdom, company number 13750482 (\"Larkbox\"), and forms part "
        "of the agreement between Larkbox and each customer on the Business plan or the Enterprise "
        "plan. The SLA does not apply to the Free plan or the Personal plan, which are provided "
        "without an uptime commitment."
    )

    pdf.h2("1. Definitions")
    pdf.bullets([
        "\"Covered Services\" means the Larkbox web app, the file sync service used by the Larkbox "
        "desktop and mobile apps, shared links, and the Larkbox API v2.",
        "\"Downtime\" means a period of at least 5 consecutive minutes during which more than 5% "
        "of requests to a Covered Service fail with a server error, as measured by Larkbox's "
        "monitoring systems. Periods shorter than 5 consecutive minutes are not counted.",
        "\"Monthly Uptime Percentage\" means the total number of minutes in a calendar month, "
        "minus the minutes of Downtime in that month, divided by the total number of minutes in "
        "the month, multiplied by 100.",
        "\"Service Credit\" means a percentage of the monthly fees paid for the affected Covered "
        "Services in the month in which the commitment was missed, credited to a future invoice.",
        "\"Scheduled Maintenance\" means maintenance announced in accordance with section 6.",
    ])

    pdf.h2("2. Uptime commitment")
    pdf.para(
        "For customers on the Business plan, Larkbox commits to a Monthly Uptime Percentage of "
        "at least 99.9% for each Covered Service. In a 30-day month, 99.9% uptime allows about "
        "43 minutes of Downtime."
    )
    pdf.para(
        "For customers on the Enterprise plan, Larkbox commits to a Monthly Uptime Percentage "
        "of at least 99.95% for each Covered Service. In a 30-day month, 99.95% uptime allows "
        "about 21 minutes of Downtime."
    )
    pdf.para(
        "Larkbox measures uptime separately for each data-centre region. A customer's Monthly "
        "Uptime Percentage is the one measured for the region that stores that customer's files."
    )

    # ---------------------------------------------------------------- page 2
    pdf.add_page()
    pdf.h2("3. Service credits")
    pdf.para(
        "If the Monthly Uptime Percentage for a Covered Service falls below the commitment in "
        "section 2, the customer is entitled to a Service Credit according to the tables below."
    )
    pdf.para("Business plan service credits:")
    pdf.table(
        ["Monthly Uptime Percentage", "Service Credit"],
        [
            ["Less than 99.9% but at least 99.0%", "10% of monthly fees"],
            ["Less than 99.0% but at least 95.0%", "25% of monthly fees"],
            ["Less than 95.0%", "50% of monthly fees"],
        ],
        [100, 60],
    )
    pdf.para("Enterprise plan service credits:")
    pdf.table(
        ["Monthly Uptime Percentage", "Service Credit"],
        [
            ["Less than 99.95% but at least 99.5%", "10% of monthly fees"],
            ["Less than 99.5% but at least 99.0%", "25% of monthly fees"],
            ["Less than 99.0%", "50% of monthly fees"],
        ],
        [100, 60],
    )
    pdf.para(
        "The total Service Credit for any one calendar month cannot exceed 50% of the monthly "
        "fees for the affected Covered Services in that month. For customers billed annually, "
        "the monthly fee is one twelfth of the annual fee."
    )

    pdf.h2("4. How to claim a Service Credit")
    pdf.para(
        "To receive a Service Credit, the customer must submit a claim within 30 days after the "
        "end of the calendar month in which the commitment was missed. Claims received later are "
        "not eligible."
    )
    pdf.bullets([
        "Open a support ticket at support.larkbox.example with \"SLA claim\" in the subject line.",
        "Include the dates and times of the Downtime, the Covered Services affected, and any "
        "error codes or request IDs received.",
        "Larkbox reviews the claim against its monitoring data and replies within 15 business days.",
    ])
    pdf.para(
        "Approved Service Credits are applied to the customer's next invoice. Service Credits "
        "are not paid out in cash and cannot be transferred to another account. Unused Service "
        "Credits lapse if the customer's subscription ends. Service Credits are the customer's "
        "sole and exclusive remedy for any failure to meet the uptime commitment."
    )

    # ---------------------------------------------------------------- page 3
    pdf.add_page()
    pdf.h2("5. Support response times")
    pdf.para(
        "Larkbox responds to support requests from Business and Enterprise customers within the "
        "following times, measured from when the request is received to the first response from "
        "a Larkbox support engineer. On the Business plan, business hours are 07:00 to 19:00 UTC, "
        "Monday to Friday, excluding 25 December and 1 January. Enterprise support is available "
        "24 hours a day, 7 days a week."
    )
    pdf.table(
        ["Severity", "Business plan", "Enterprise plan"],
        [
            ["Severity 1", "4 business hours", "1 hour"],
            ["Severity 2", "8 business hours", "4 hours"],
            ["Severity 3", "2 business days", "1 business day"],
        ],
        [50, 55, 55],
    )
    pdf.para(
        "Severity 1 means the Covered Services are unavailable or unusable for most of the "
        "customer's users, or there is a suspected security incident or data loss. Missing a "
        "response time does not give rise to a Service Credit."
    )

    pdf.h2("6. Scheduled Maintenance")
    pdf.para(
        "Larkbox performs Scheduled Maintenance on Sundays between 02:00 and 04:00 UTC. Larkbox "
        "announces Scheduled Maintenance on status.larkbox.example at least 72 hours in advance. "
        "Scheduled Maintenance is limited to 4 hours per calendar month; any maintenance beyond "
        "4 hours in a month, and any emergency maintenance that is not announced 72 hours in "
        "advance, counts as Downtime."
    )

    pdf.h2("7. Exclusions")
    pdf.para("Downtime does not include unavailability caused by:")
    pdf.bullets([
        "Scheduled Maintenance within the limits of section 6.",
        "Events beyond Larkbox's reasonable control, such as natural disasters, war, or failures "
        "of the public internet (force majeure).",
        "The customer's own equipment, networks, software or identity provider, including "
        "outages of a single sign-on identity provider.",
        "Features labelled as beta or preview.",
        "Suspension of the account for non-payment or for breach of the Acceptable Use Policy.",
        "API requests rejected because the customer exceeded the API rate limit.",
    ])

    pdf.h2("8. Changes to this SLA")
    pdf.para(
        "Larkbox may update this SLA by giving at least 90 days' notice by email to the Owner of "
        "each Business and Enterprise team. Changes never reduce the uptime commitment during an "
        "Enterprise customer's current contract term. Questions about this SLA can be sent to "
        "legal@larkbox.example."
    )

    pdf.alias_nb_pages()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(OUT))
    print(f"wrote {OUT} ({pdf.pages_count} pages)")


if __name__ == "__main__":
    build()
