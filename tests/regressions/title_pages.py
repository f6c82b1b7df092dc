"""Invented title pages the regression tests put in front of the text they test."""

NPS_TITLE_PAGE = """NAVAL POSTGRADUATE SCHOOL

MONTEREY, CALIFORNIA

THESIS

TIDES OF TRUST: HARBOR PATROLS ON A SHARED COAST

by

Ines Calloway

March 2020

Thesis Advisor: Rupert Vance

"""
"""A Naval Postgraduate School thesis title page: school, place, kind, title, author, date and advisor."""
