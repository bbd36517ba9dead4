"""Table-driven tests for the temporal tagger (geotimeline.extract.dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from geotimeline.extract.dates import find_dates
from geotimeline.settings import SAMPLE_ARTICLE

DW = dt.date(2011, 8, 21)  # Sunday: the seed article's publication date
WSJ = dt.date(1989, 10, 30)  # Monday
JAN = dt.date(1998, 1, 26)  # Monday

# (sentence, anchor, expected span text, TIMEX3 type, TimeML value)
CASES = [
    # the seed article
    ("North Korean leader Kim Jong-il on Saturday arrived in Russia.", DW, "Saturday", "DATE", "2011-08-20"),
    ("Kim is expected to meet Russian President Dmitry Medvedev in Siberia on Wednesday.", DW, "Wednesday", "DATE",
     "2011-08-24"),
    ("Russia's Foreign Ministry said on Friday that Moscow would send grain.", DW, "Friday", "DATE", "2011-08-19"),
    ("Moscow would send 50,000 metric tons of grain to North Korea by the end of September.", DW,
     "the end of September", "DATE", "2011-09"),
    ("Kim travelled to Moscow by train in 2001.", DW, "2001", "DATE", "2001"),
    ("The visit, expected to last about a week, comes as flooding worsens.", DW, "a week", "DURATION", "P1W"),
    ("I am talking about three days, not more.", DW, "three days", "DURATION", "P3D"),
    ("The statement was released by the Kremlin on Saturday.", DW, "Saturday", "DATE", "2011-08-20"),
    ("The North Korean leader arrived by train on Saturday in Khasan.", DW, "Saturday", "DATE", "2011-08-20"),
    ("Kim's last public visit to Russia was in 2002.", DW, "2002", "DATE", "2002"),
    ("He has visited China three times in just over a year.", DW, "a year", "DURATION", "P1Y"),
    ("Kim arrived for his first visit in almost a decade.", DW, "almost a decade", "DURATION", "P10Y"),
    # weekdays and tense
    ("The minister will arrive on Friday.", DW, "Friday", "DATE", "2011-08-26"),
    ("The minister arrived on Friday.", DW, "Friday", "DATE", "2011-08-19"),
    ("The vote is scheduled for Tuesday.", DW, "Tuesday", "DATE", "2011-08-23"),
    ("Police said on Sunday that two men died.", DW, "Sunday", "DATE", "2011-08-21"),
    ("A meeting is due to take place during the week.", DW, "the week", "DATE", "2011-W34"),
    ("Sales rose during the week.", DW, "the week", "DATE", "2011-W33"),
    ("The plan was announced last Friday.", DW, "last Friday", "DATE", "2011-08-19"),
    ("See you next Friday.", DW, "next Friday", "DATE", "2011-08-26"),
    ("Protesters gathered Friday night.", DW, "Friday night", "TIME", "2011-08-19TNI"),
    ("The offer expires at 5 p.m. EST Nov. 9.", WSJ, "5 p.m. EST Nov. 9", "TIME", "1989-11-09T17:00"),
    ("The meeting will take place at 2 p.m. on Monday.", DW, "2 p.m. on Monday", "TIME", "2011-08-22T14:00"),
    ("The deadline passed at midnight Friday.", WSJ, "midnight Friday", "TIME", "1989-10-27T24"),
    ("Every Monday he swims.", DW, "Every Monday", "SET", "XXXX-WXX-1"),
    # days relative to the publication date
    ("It rained yesterday.", DW, "yesterday", "DATE", "2011-08-20"),
    ("It will rain tomorrow.", DW, "tomorrow", "DATE", "2011-08-22"),
    ("Prices are high today.", DW, "today", "DATE", "2011-08-21"),
    ("Officials met this morning.", DW, "this morning", "TIME", "2011-08-21TMO"),
    ("Officials will meet tonight.", DW, "tonight", "TIME", "2011-08-21TNI"),
    # weeks, months, years
    ("Prices fell this week.", DW, "this week", "DATE", "2011-W33"),
    ("Prices fell last week.", DW, "last week", "DATE", "2011-W32"),
    ("He will return next month.", DW, "next month", "DATE", "2011-09"),
    ("Sales rose last month.", DW, "last month", "DATE", "2011-07"),
    ("The talks were held last year.", DW, "last year", "DATE", "2010"),
    ("Elections are due next year.", DW, "next year", "DATE", "2012"),
    ("Prices rose earlier this year.", DW, "earlier this year", "DATE", "2011"),
    ("The deal should close early next year.", WSJ, "early next year", "DATE", "1990"),
    ("Sales rose in early December.", dt.date(2000, 1, 7), "early December", "DATE", "1999-12"),
    ("The talks begin in May.", DW, "May", "DATE", "2012-05"),
    ("In January, the company hired a new chief.", WSJ, "January", "DATE", "1989-01"),
    ("The summit on March 5 was a success.", DW, "March 5", "DATE", "2011-03-05"),
    ("The dividend is payable Jan. 2 to holders of record.", dt.date(1989, 11, 2), "Jan. 2", "DATE", "1990-01-02"),
    ("The rights expire Nov. 21.", dt.date(1989, 11, 2), "Nov. 21", "DATE", "1989-11-21"),
    ("It happened on Sept. 27, 1989.", WSJ, "Sept. 27, 1989", "DATE", "1989-09-27"),
    ("She was born on 5 March 1950.", DW, "5 March 1950", "DATE", "1950-03-05"),
    ("The Times said in an editorial on Saturday, April 25: the court erred.", dt.date(1998, 4, 24),
     "Saturday, April 25", "DATE", "1998-04-25"),
    ("In March 2001 he was here.", DW, "March 2001", "DATE", "2001-03"),
    ("It was signed in July last year.", DW, "July last year", "DATE", "2010-07"),
    ("They visited on 2001-09-11.", DW, "2001-09-11", "DATE", "2001-09-11"),
    ("The report is dated 03/22/2013.", DW, "03/22/2013", "DATE", "2013-03-22"),
    ("The 2001 agreement was signed.", DW, "2001", "DATE", "2001"),
    ("Earnings fell in fiscal 1989.", WSJ, "fiscal 1989", "DATE", "1989"),
    ("The debt was repaid by the end of 1990.", WSJ, "the end of 1990", "DATE", "1990"),
    ("The plant opened in mid-1996.", JAN, "mid-1996", "DATE", "1996"),
    ("Things changed in the year two thousand.", JAN, "the year two thousand", "DATE", "2000"),
    ("It happened in nineteen ninety-six.", JAN, "nineteen ninety-six", "DATE", "1996"),
    # decades, centuries, seasons, quarters, holidays
    ("We met in the 1990s.", DW, "the 1990s", "DATE", "199"),  # TimeML decade value
    ("Prices peaked in the late 1970s.", JAN, "the late 1970s", "DATE", "197"),
    ("Crime fell through the nineties.", JAN, "the nineties", "DATE", "199"),
    ("In the 18th century, things were different.", DW, "the 18th century", "DATE", "17"),
    ("This summer was hot.", DW, "This summer", "DATE", "2011-SU"),
    ("Hiring began last fall.", JAN, "last fall", "DATE", "1997-FA"),
    ("It happened in the winter of 1994.", JAN, "the winter of 1994", "DATE", "1994-WI"),
    ("Earnings rose in the third quarter.", WSJ, "the third quarter", "DATE", "1989-Q3"),
    ("Third-quarter profit rose 5%.", WSJ, "Third-quarter", "DATE", "1989-Q3"),
    ("Profit fell in the fourth quarter.", JAN, "the fourth quarter", "DATE", "1997-Q4"),
    ("Sales rose in the latest quarter.", WSJ, "the latest quarter", "DATE", "1989-Q3"),
    ("Net fell from the year-ago quarter.", WSJ, "the year-ago quarter", "DATE", "1988-Q3"),
    ("Shops close on Christmas Day.", DW, "Christmas Day", "DATE", "2011-12-25"),
    ("The family met on Thanksgiving Day.", dt.date(2000, 1, 6), "Thanksgiving Day", "DATE", "1999-11-25"),
    ("Q1 2013 sales rose.", dt.date(2013, 3, 22), "Q1 2013", "DATE", "2013-Q1"),
    ("Shops close on Good Friday.", dt.date(2013, 3, 22), "Good Friday", "DATE", "2013-03-29"),
    ("Crowds gathered on Palm Sunday.", dt.date(2013, 3, 22), "Palm Sunday", "DATE", "2013-03-24"),
    # deadlines point forward
    ("Cyprus must raise the money by Monday.", dt.date(2013, 3, 22), "Monday", "DATE", "2013-03-25"),
    ("The loans run through January.", WSJ, "January", "DATE", "1990-01"),
    ("The change is effective Feb. 1.", WSJ, "Feb. 1", "DATE", "1990-02-01"),
    ("He crashed last February.", dt.date(1998, 3, 1), "last February", "DATE", "1997-02"),
    ("Sales fell last April.", WSJ, "last April", "DATE", "1989-04"),
    # durations and sets
    ("The war lasted three years.", DW, "three years", "DURATION", "P3Y"),
    ("The company reported a two-year high.", DW, "two-year", "DURATION", "P2Y"),
    ("Profit rose in the nine months.", WSJ, "the nine months", "DURATION", "P9M"),
    ("Net rose in the first nine months.", WSJ, "the first nine months", "DURATION", "P9M"),
    ("Prices rose over the past two months.", WSJ, "the past two months", "DURATION", "P2M"),
    ("The flight took 5 1/2 hours.", DW, "5 1/2 hours", "DURATION", "PT5H30M"),
    ("He was held for several years.", DW, "several years", "DURATION", "PXY"),
    ("It took a minute and a half.", DW, "a minute and a half", "DURATION", "PT1M30S"),
    ("It took two and a half years.", DW, "two and a half years", "DURATION", "P2Y6M"),
    ("It took half an hour.", DW, "half an hour", "DURATION", "PT30M"),
    ("Peace lasted for two decades.", DW, "two decades", "DURATION", "P20Y"),
    ("He runs daily.", DW, "daily", "SET", "P1D"),
    ("The shop opens on Mondays.", DW, "Mondays", "SET", "XXXX-WXX-1"),
    ("He works on weekends.", DW, "weekends", "SET", "XXXX-WXX-WE"),
    ("It was a decades-long conflict.", DW, "decades-long", "DURATION", "PXY"),
    ("Over the years, many came.", DW, "the years", "DURATION", "PXY"),
    ("For the year ended March 31, profit rose.", WSJ, "the year", "DURATION", "P1Y"),
    ("The board meets each month.", DW, "each month", "SET", "P1M"),
    # shifts from now and from the narrative
    ("It happened five years ago.", DW, "five years ago", "DATE", "2006"),
    ("The plant opened two months ago.", DW, "two months ago", "DATE", "2011-06"),
    ("Two days later, he left.", DW, "Two days later", "DATE", "2011-08-23"),
    # vague references
    ("You may go now.", DW, "now", "DATE", "PRESENT_REF"),
    ("Prices have risen recently.", DW, "recently", "DATE", "PAST_REF"),
    ("Prices have risen in recent years.", DW, "recent years", "DATE", "PAST_REF"),
    ("We will see in the future.", DW, "the future", "DATE", "FUTURE_REF"),
    ("The current system works.", DW, "current", "DATE", "PRESENT_REF"),
    ("Prosecutors may soon seek charges.", DW, "soon", "DATE", "FUTURE_REF"),
    ("The firm soon will open a store.", DW, "soon", "DATE", "FUTURE_REF"),
]

# Span conventions and expression classes added for TempEval-3 strict matching. Each entry:
# (sentence, anchor, expected span text, TIMEX3 type, TimeML value)
SPAN_CASES = [
    # "right" stays outside the span, as in TimeBank
    ("Nobody is buying right now.", DW, "now", "DATE", "PRESENT_REF"),
    # approximations are part of the span of a point in time, as of a duration
    ("The sale should close around Oct. 15.", DW, "around Oct. 15", "DATE", "2011-10-15"),
    ("The merger is expected to close around year end.", DW, "around year end", "DATE", "2011-12-31"),
    ("Prices have slid for at least the past two years.", DW, "at least the past two years", "DURATION", "P2Y"),
    # "over" is "more than" after verbs of lasting, a preposition elsewhere
    ("The inspection will last over a week.", DW, "over a week", "DURATION", "P1W"),
    ("He has not been back in over a decade.", DW, "over a decade", "DURATION", "P10Y"),
    ("The cost will be spread over three years.", DW, "three years", "DURATION", "P3Y"),
    # "last" the verb stays outside; a fortnight is two weeks
    ("The talks will last two weeks.", DW, "two weeks", "DURATION", "P2W"),
    ("The ban will last a fortnight.", DW, "a fortnight", "DURATION", "P2W"),
    # clock times said the spoken way
    ("The convoy will leave at 4 in the morning.", DW, "4 in the morning", "TIME", "2011-08-21T04:00"),
    ("The vote came at 8 o'clock in the evening.", DW, "8 o'clock in the evening", "TIME", "2011-08-21T20:00"),
    # "or so", "or two" close the expression
    ("The plant will be shut over the next year or so.", DW, "the next year or so", "DATE", "2012"),
    ("The repairs will take a day or two.", DW, "a day or two", "DURATION", "P1D"),
    # "as long as a month" is a span, not a rate like "four flights a week"
    ("The appeal could take as long as a month or two.", DW, "a month or two", "DURATION", "P1M"),
    # an adjectival duration takes its head noun ("period", "term") and the article with it
    ("The fraud ran over a three-year period.", DW, "a three-year period", "DURATION", "P3Y"),
    ("She won a second four-year term.", DW, "four-year term", "DURATION", "P4Y"),
    ("The feud has lasted a quarter century.", DW, "a quarter century", "DURATION", "P25Y"),
    # a bare plural with "ago"
    ("Just months ago the firm was thriving.", DW, "months ago", "DURATION", "PXM"),
    # a second day of the month coordinated with the first
    ("The summit was held on May 14 and 15.", DW, "15", "DATE", "2011-05-15"),
    # weeks named by a day or an ordinal
    ("The trial starts the week of Sept. 12.", DW, "the week of Sept. 12", "DATE", "2011-W37"),
    ("Talks open the first week of October.", DW, "the first week of October", "DATE", "2011-W40"),
    # comparisons with a year back
    ("Sales rose 5% from the same period last year.", DW, "the same period last year", "DATE", "2010"),
    ("Profit fell from the comparable year-ago quarter.", WSJ, "the comparable year-ago quarter", "DATE", "1988-Q3"),
    # "last"/"next" before a holiday, "of last year" after a season
    ("He arrived last Christmas.", DW, "last Christmas", "DATE", "2010-12-25"),
    ("We will meet again next Easter.", DW, "next Easter", "DATE", "2012-04-08"),
    ("The merger closed in the spring of last year.", DW, "the spring of last year", "DATE", "2010-SP"),
    ("Crowds gathered as Easter week began.", dt.date(2000, 4, 24), "Easter week", "DATE", "2000-W16"),
    ("Shops will close over the Easter weekend.", dt.date(2013, 3, 22), "Easter weekend", "DATE", "2013-W13-WE"),
]


@pytest.mark.parametrize(("sentence", "anchor", "span", "type_", "value"), SPAN_CASES)
def test_span_convention(sentence: str, anchor: dt.date, span: str, type_: str, value: str) -> None:
    mentions = find_dates(sentence, anchor)
    assert (span, type_, value) in [(m.text, m.type, m.value) for m in mentions], \
        [(m.text, m.type, m.value) for m in mentions]


# The tense that decides which weekday or month is meant. (sentence, anchor, span, value)
TENSE_CASES = [
    # "plan" the noun is no future cue
    ("Parliament rejected the plan on Tuesday.", DW, "Tuesday", "2011-08-16"),
    # a bare verb after a modal is not a past tense
    ("The central bank said it would cut rates Monday.", DW, "Monday", "2011-08-22"),
    ("Analysts expect the bank to report results on Wednesday.", DW, "Wednesday", "2011-08-24"),
    # a past verb right after the mention wins over a cue whose object came before a comma
    ("Ahead of the summit, the ministry on Saturday issued a warning.", DW, "Saturday", "2011-08-20"),
    ("A concert planned for Saturday was cancelled.", DW, "Saturday", "2011-08-20"),
    # a deadline that has already passed
    ("Until Thursday, police had not named a suspect.", DW, "Thursday", "2011-08-18"),
    # irregular past forms; a present passive is no past
    ("The ship sank in October.", DW, "October", "2010-10"),
    ("The appeal is heard in May.", JAN, "May", "1998-05"),
    # the present tense of a fixed programme looks forward, whether the verb comes before or after
    ("On Sunday the riders face a mountain stage.", DW, "Sunday", "2011-08-21"),
    ("On Wednesday the riders face a mountain stage.", DW, "Wednesday", "2011-08-24"),
    ("Biden meets Xi on Tuesday in Bali.", DW, "Tuesday", "2011-08-23"),
    ("The team flies to Madrid on Thursday.", DW, "Thursday", "2011-08-25"),
    ("The riders face the Alps, before the rest day on Monday.", DW, "Monday", "2011-08-22"),
    # ... but a past verb still points back
    ("Police found the car on Wednesday.", DW, "Wednesday", "2011-08-17"),
    # a past form spelled like the bare verb, governed by an earlier modal
    ("Forecasters said it would regain strength and hit the coast on Friday.", DW, "Friday", "2011-08-26"),
    ("The storm hit the coast on Friday.", DW, "Friday", "2011-08-19"),
    # a year-less day in a sentence that names a full date of another year takes that year
    ("The river rose on 3 November 1966 and by the morning of 4 November the city was flooded.", DW,
     "4 November", "1966-11-04"),
    # a date set for something is ahead
    ("The judge set sentencing for March 9.", DW, "March 9", "2012-03-09"),
    # a weekday placed in a month is that month's, not the one before publication
    ("Our train left Moscow on a Sunday evening in early August.", DW, "Sunday evening", "2011-08-07TEV"),
    ("We met on a Tuesday in late July.", DW, "Tuesday", "2011-07-26"),
    # "<weekday> next week" / "of last week": that weekday of the week named
    ("France play Iceland on Tuesday next week.", DW, "Tuesday next week", "2011-08-23"),
    ("The vote was held on Friday of last week.", DW, "Friday of last week", "2011-08-12"),
    # "for <weekday>" aims at a day ahead, even after a past verb
    ("Unions called a strike for Tuesday.", DW, "Tuesday", "2011-08-23"),
    ("Forecasters have issued heavy rain warnings for Wednesday.", DW, "Wednesday", "2011-08-24"),
    # a relative clause dated on its own, or a participle after a noun, does not set the tense
    ("The minister will hold talks in Tokyo, where he studied in 1990, on Friday.", DW, "Friday", "2011-08-26"),
    ("He will visit a school damaged in the storm on Friday.", DW, "Friday", "2011-08-26"),
    ("Biden will speak in Warm Springs, the town where Franklin D. Roosevelt died in 1945, and hold a rally in "
     "Atlanta on Tuesday.", DW, "Tuesday", "2011-08-23"),
    # an event's name is no tense cue; "the end of" is a noun
    ("She won the French Open in Paris in June.", DW, "June", "2011-06"),
    ("Prices have risen since the end of the war, as results from Wednesday's vote came in.", DW, "Wednesday",
     "2011-08-17"),
    # a bare ordinal day: of the month talked about, else of the publication month
    ("The track was inspected on the 17th.", DW, "the 17th", "2011-08-17"),
    ("On July 3 they left, and on the 9th they reached the coast.", DW, "the 9th", "2011-07-09"),
    # an "-ed" word after a determiner is no past verb; "could <verb>" and a timetable's present look ahead
    ("The king is due to visit the injured at the hospital on Sunday.", DW, "Sunday", "2011-08-21"),
    ("Forecasters said the storm could hit Florida on Friday.", DW, "Friday", "2011-08-26"),
    ("He could not attend the meeting on Friday.", DW, "Friday", "2011-08-19"),
    ("On Monday the relay leaves Manchester for Leeds.", DW, "Monday", "2011-08-22"),
    # a deadline by which a thing had been done is past
    ("Officials ordered people to leave on Saturday. About 40,000 had reached evacuation centres in Klungkung "
     "and Karangasem by Saturday evening.", DW, "Saturday evening", "2011-08-20TEV"),
    # a bare month takes the year its sentence named before it
    ("The blaze was the worst since last year, when fires in Pedrogao Grande in June killed 66 people.", DW, "June",
     "2010-06"),
    # a verb of lasting before "until" looks back
    ("Trains remained suspended till Thursday.", DW, "Thursday", "2011-08-18"),
    # a fixture told in the present looks ahead: "takes place", "reopens", a team that plays or meets a team
    ("Voting in the third phase takes place on Tuesday in Gujarat.", DW, "Tuesday", "2011-08-23"),
    ("The museum in Granada reopens on Tuesday.", DW, "Tuesday", "2011-08-23"),
    ("Romania play the Netherlands in Munich on Tuesday.", DW, "Tuesday", "2011-08-23"),
    ("Spain now meet Germany in Stuttgart on Friday.", DW, "Friday", "2011-08-26"),
    # a forecast is of days ahead, even when it was made
    ("Environment Canada forecast a cold front to move through the interior on Thursday.", DW, "Thursday",
     "2011-08-25"),
    ("Temperatures are forecast to reach 34 C in Kamloops on Saturday.", DW, "Saturday", "2011-08-27"),
    # a possessive day has its own clause; a later day of a sentence told ahead is ahead too
    ("Organisers confirmed Wednesday's stage will go from Padron to Ponferrada.", DW, "Wednesday", "2011-08-24"),
    ("He is scheduled to fly to Dar es Salaam on Friday for a meeting with President Samia Suluhu Hassan, "
     "before travelling to Maputo, Mozambique, on Saturday.", DW, "Saturday", "2011-08-27"),
    # a figure a told change reached "by" a day is in the story, not a deadline ahead
    ("The fire grew from about 4,000 hectares on Friday to more than 11,500 hectares by Saturday evening.", DW,
     "Saturday evening", "2011-08-20TEV"),
    ("The company said it would finish the work by Friday.", DW, "Friday", "2011-08-26"),
    # "the year before" counts from the year the story is at
    ("About 499,000 people walked the Camino in 2009, up from 446,000 the year before.", DW, "the year before", "2008"),
    ("He arrived in March 2005 and left the year after.", DW, "the year after", "2006"),
    # "no earlier than" looks ahead
    ("The rocket will launch no earlier than March.", DW, "March", "2012-03"),
    # a month in a clause told ahead is not the year of a past date before it
    ("The country signed a loan deal in 2010, and a review of the program is scheduled for October.", DW, "October",
     "2011-10"),
]


@pytest.mark.parametrize(("sentence", "anchor", "span", "value"), TENSE_CASES)
def test_tense_cues(sentence: str, anchor: dt.date, span: str, value: str) -> None:
    by_text = {m.text: m.value for m in find_dates(sentence, anchor)}
    assert by_text.get(span) == value, by_text


@pytest.mark.parametrize(("sentence", "anchor", "span", "type_", "value"), CASES)
def test_mention(sentence: str, anchor: dt.date, span: str, type_: str, value: str) -> None:
    mentions = find_dates(sentence, anchor)
    hits = [m for m in mentions if m.text == span]
    assert hits, f"no mention {span!r} in {[(m.text, m.value) for m in mentions]}"
    assert (hits[0].type, hits[0].value) == (type_, value)


NARRATIVE = [
    # a story of another year goes on in the next sentence: its year-less days, months and seasons are that year's
    ("Agnes made landfall in Florida on June 19, 1972. It slammed into Pennsylvania on June 22.", "June 22",
     "1972-06-22"),
    ("The family left Aleppo in March 2005. They spent the summer in Izmir.", "the summer", "2005-SU"),
    ("The family left Aleppo in March 2005. They reached Lesbos by boat in late September.", "late September",
     "2005-09"),
    # a day after a month named in another year is a day of that month: all the text tells
    ("He photographed the march in October 1968, and police charged the crowd the following morning.",
     "the following morning", "1968-10"),
    ("They met on June 3, 2010. Two days later, they signed the deal.", "Two days later", "2010-06-05"),
    ("They met on June 3, 2010. The next day, they signed the deal.", "The next day", "2010-06-04"),
    ("They met on June 3, 2010. The following week they signed the deal.", "The following week", "2010-W23"),
    ("In 2005 he moved to Paris. That year was hard.", "That year", "2005"),
    ("In 2005 he moved to Paris. The following year he returned.", "The following year", "2006"),
]


@pytest.mark.parametrize(("text", "span", "value"), NARRATIVE)
def test_narrative_anchoring(text: str, span: str, value: str) -> None:
    by_text = {m.text: m.value for m in find_dates(text, DW)}
    assert by_text.get(span) == value


GUARDS = [
    # rounds of a tournament, halves of a match and a delay are no dates
    "Spain reached the quarter-finals in Cologne.",
    "Kane scored early in the second half.",
    "In the second quarter of the game, Georgia scored twice.",
    "You may go if you wish.",
    "Troops march on the capital.",
    "Theresa May said the talks failed.",
    "The ship was at 42.43N 130.64E.",
    "He arrived with 2000 troops and 1500 tanks.",
    "The stock rose to $1990 a share.",
    "Room 1204 is on the twelfth floor.",
    "We met the president.",
    "He was 52 years old.",
    "A 44-year-old man was arrested.",
    "The company raised its quarterly dividend.",
    "Flights run four times a week.",
    "The fall of the Soviet Union changed everything.",
    "Once upon a time there was a king.",
    "Iraq imports three-quarters of its food.",
    "See Section 2001 of the code.",
    "The film High Noon is a classic.",
    # titles of shows and papers: a capitalised unit word right after a name
    'The minister told ABC\'s "This Week" that talks would resume.',
    "The story ran in USA Today.",
    'She said on CBS\'s "60 Minutes" that she was innocent.',
    # a vague count needs a plural unit to be a duration
    "He hopes to return there some day.",
]

# (sentence, text that must not come out as a mention although a date is next to it)
NOT_MENTIONS = [
    # a delay is no point in time
    ("Production will begin about six months later than planned.", "six months later"),
    # a count after a coordinated day is not a second day
    ("Police said two died on May 14 and 12 others were hurt.", "12"),
    ("Turnout was 40 percent on June 3 and 25 percent on June 10.", "25"),
    # the hours of a named day are not a duration of their own
    ("He was arrested in the early hours of Thursday.", "the early hours"),
    # "last" the verb
    ("The talks will last two weeks.", "last two weeks"),
    # "soon" away from a modal is not tagged
    ("He was released soon after the attack.", "soon"),
    ("They will leave as soon as they can.", "soon"),
]


@pytest.mark.parametrize(("sentence", "text"), NOT_MENTIONS)
def test_not_a_mention(sentence: str, text: str) -> None:
    assert text not in [m.text for m in find_dates(sentence, DW)]


@pytest.mark.parametrize("sentence", GUARDS)
def test_guard(sentence: str) -> None:
    assert find_dates(sentence, DW) == []


CALENDAR = [
    # (sentence, span, granularity, first day, last day)
    ("by the end of September", "the end of September", "month", dt.date(2011, 9, 1), dt.date(2011, 9, 30)),
    ("in 2001", "2001", "year", dt.date(2001, 1, 1), dt.date(2001, 12, 31)),
    ("on Saturday", "Saturday", "day", dt.date(2011, 8, 20), dt.date(2011, 8, 20)),
    ("this week", "this week", "week", dt.date(2011, 8, 15), dt.date(2011, 8, 21)),
    ("this summer", "this summer", "season", dt.date(2011, 6, 1), dt.date(2011, 8, 31)),
    ("in the third quarter", "the third quarter", "quarter", dt.date(2011, 7, 1), dt.date(2011, 9, 30)),
    ("in the 1990s", "the 1990s", "decade", dt.date(1990, 1, 1), dt.date(1999, 12, 31)),
    ("in February 2012", "February 2012", "month", dt.date(2012, 2, 1), dt.date(2012, 2, 29)),
]


@pytest.mark.parametrize(("text", "span", "granularity", "first", "last"), CALENDAR)
def test_calendar_span(text: str, span: str, granularity: str, first: dt.date, last: dt.date) -> None:
    m = next(m for m in find_dates(text, DW) if m.text == span)
    assert (m.granularity, m.date, m.end_date) == (granularity, first, last)


NO_ANCHOR = [
    ("Kim travelled to Moscow in 2001.", "2001", "2001"),
    ("It happened on March 5, 2001.", "March 5, 2001", "2001-03-05"),
    ("It happened on March 5.", "March 5", "XXXX-03-05"),
    ("The war lasted three years.", "three years", "P3Y"),
    ("It is happening now.", "now", "PRESENT_REF"),
]


@pytest.mark.parametrize(("text", "span", "value"), NO_ANCHOR)
def test_without_anchor(text: str, span: str, value: str) -> None:
    by_text = {m.text: m.value for m in find_dates(text, None)}
    assert by_text.get(span) == value


def test_relative_expressions_need_an_anchor() -> None:
    assert [m.text for m in find_dates("It rained yesterday and last year.", None)] == []


def test_seed_article() -> None:
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    mentions = find_dates(text, DW)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    values = [(m.text, m.value) for m in mentions]
    assert values.count(("Saturday", "2011-08-20")) == 3
    assert ("Wednesday", "2011-08-24") in values
    assert values.count(("Friday", "2011-08-19")) == 2
    assert ("the end of September", "2011-09") in values
    assert values.count(("2001", "2001")) == 2
    assert ("2002", "2002") in values
    assert ("August 21, 2011", "2011-08-21") in values


@pytest.mark.parametrize(
    "sentence",
    ["She wrote for the Sunday Times magazine.", "He watched Monday Night Football.",
     "They appealed to the 11th Circuit Court.", "He finished on the 18th hole.",
     "Voters go to the polls on Super Tuesday.", "The Good Friday Agreement was signed."],
)
def test_a_weekday_inside_a_name_is_no_date(sentence: str) -> None:
    assert find_dates(sentence, DW) == []


def test_this_coming_weekend_said_midweek_is_this_weeks() -> None:
    (m,) = find_dates("The hurricane could approach Barbuda this coming weekend.", dt.date(2017, 9, 6))
    assert m.value == "2017-W36-WE"


@pytest.mark.parametrize(
    ("sentence", "anchor", "span", "value"),
    [
        ("Fire forced 88,000 people to flee Fort McMurray eight years ago this month.", dt.date(2024, 5, 12),
         "eight years ago this month", "2016-05"),
        ("Fifty years ago this week, the Susquehanna River rose.", dt.date(2022, 6, 23), "Fifty years ago this week",
         "1972-W25"),
        # told in the future, "later in the day" is the day of writing, not the last day talked about
        ("Yoon travelled to Tokyo on March 16. Yoon will host Kishida in Seoul later in the day.",
         dt.date(2023, 5, 7), "the day", "2023-05-07"),
    ],
)
def test_anniversaries_and_later_in_the_day(sentence: str, anchor: dt.date, span: str, value: str) -> None:
    assert (span, value) in [(m.text, m.value) for m in find_dates(sentence, anchor)]
