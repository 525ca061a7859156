"""The hand-written pieces the review sentences are built from (GIVEN, do not edit).

Every phrase below was written for this project. ``data.py`` glues them into sentences such as
"Honestly, the battery dies before lunch, but the screen looks stunning even in sunlight." and
knows, for every sentence, which aspect carries which polarity.

The LAST entry of every list is a held-out piece: it only ever appears in held-out sentences,
so the held-out split contains phrasings the model never saw in training (see ``data.py``).
"""
from __future__ import annotations

ASPECTS = ("battery", "screen", "sound", "price", "delivery", "support")
POLARITIES = ("negative", "neutral", "positive")

# How a review names each aspect (used in both splits).
TERMS = {
    "battery": ["battery", "battery life", "charge"],
    "screen": ["screen", "display", "touch screen"],
    "sound": ["sound", "speaker", "audio"],
    "price": ["price", "cost", "price tag"],
    "delivery": ["delivery", "shipping", "courier"],
    "support": ["customer service", "support team", "helpdesk"],
}

# Predicates that only make sense for one aspect: {aspect: {polarity: [phrase, ...]}}.
PHRASES = {
    "battery": {
        "positive": [
            "lasts two full days",
            "easily gets me through a long day",
            "charges to full in under an hour",
            "still holds its charge after a year",
            "barely drops overnight",
            "keeps going for two days without a charge",
        ],
        "negative": [
            "dies before lunch",
            "drains even when the tablet sits idle",
            "takes all night to charge",
            "lost half its capacity within months",
            "gets worryingly hot while charging",
            "drains before the end of a single film",
        ],
        "neutral": [
            "lasts about a day",
            "is rated at five thousand mah",
            "charges over a standard usb cable",
            "behaves like most batteries in this class",
            "needs charging once a day",
            "lasts roughly as long as my old one",
        ],
    },
    "screen": {
        "positive": [
            "is bright and sharp",
            "looks stunning even in direct sunlight",
            "shows rich and accurate colours",
            "is silky smooth to scroll",
            "has wonderfully deep blacks",
            "stays sharp and bright in sunlight",
        ],
        "negative": [
            "is dim and washed out",
            "is impossible to read outdoors",
            "scratched within a week",
            "flickers at low brightness",
            "has an ugly yellow tint",
            "looks washed out and dim in sunlight",
        ],
        "neutral": [
            "measures eleven inches",
            "uses an lcd panel",
            "has a resolution of 1080p",
            "comes with a glossy finish",
            "is about as bright as other models",
            "measures ten inches across",
        ],
    },
    "sound": {
        "positive": [
            "is rich and full",
            "fills the whole room",
            "stays clear even at high volume",
            "has surprisingly punchy bass",
            "makes music sound lovely",
            "is clear and rich at any volume",
        ],
        "negative": [
            "is tinny and thin",
            "crackles at high volume",
            "is far too quiet",
            "distorts whenever there is bass",
            "is muffled during calls",
            "is thin and crackles at any volume",
        ],
        "neutral": [
            "comes from two small drivers",
            "is typical for a tablet this size",
            "is mono rather than stereo",
            "sits at the bottom edge",
            "also works through a headphone jack",
            "comes out of the bottom edge",
        ],
    },
    "price": {
        "positive": [
            "is a real bargain",
            "is very fair for what you get",
            "was lower than any competitor",
            "feels like a steal",
            "is worth every penny",
            "is a bargain for what you get",
        ],
        "negative": [
            "is far too high",
            "is a rip off",
            "is hard to justify",
            "went up a week after i bought it",
            "is steep for such basic hardware",
            "is too high for what you get",
        ],
        "neutral": [
            "is three hundred pounds",
            "is the same as last year",
            "sits in the middle of the range",
            "depends on the storage size",
            "matches other shops",
            "is the same as other shops",
        ],
    },
    "delivery": {
        "positive": [
            "arrived a day early",
            "was quick and painless",
            "came in perfect packaging",
            "was tracked every step of the way",
            "took less than two days",
            "was quick and arrived early",
        ],
        "negative": [
            "took three weeks",
            "arrived with a crushed box",
            "went to the wrong address",
            "was delayed with no explanation",
            "left the parcel in the rain",
            "was delayed and arrived crushed",
        ],
        "neutral": [
            "took five working days",
            "came by regular post",
            "arrived on a tuesday",
            "needed a signature",
            "came in a plain brown box",
            "took about five days",
        ],
    },
    "support": {
        "positive": [
            "solved my problem in minutes",
            "was patient and helpful",
            "replaced the unit without any fuss",
            "answered my email the same day",
            "went out of their way to help",
            "was helpful and solved it the same day",
        ],
        "negative": [
            "never replied to my emails",
            "kept me on hold for an hour",
            "was rude and dismissive",
            "refused to honour the warranty",
            "closed my ticket without fixing anything",
            "was dismissive and never replied",
        ],
        "neutral": [
            "is open on weekdays",
            "can be reached by phone or email",
            "asked for my order number",
            "sent a standard reply",
            "follows a fixed script",
            "is open from nine to five",
        ],
    },
}

# Predicates that fit any aspect. The last three of each list are held out.
GENERIC = {
    "positive": [
        "is excellent",
        "is great",
        "is superb",
        "is fantastic",
        "is wonderful",
        "is brilliant",
        "is really good",
        "is not bad at all",
        "could not be better",
        "exceeded my expectations",
        "is absolutely brilliant",
        "is really great",
        "could hardly be better",
    ],
    "negative": [
        "is terrible",
        "is awful",
        "is poor",
        "is dreadful",
        "is disappointing",
        "is not good",
        "is not great",
        "was not worth it",
        "is a real letdown",
        "let me down",
        "is really awful",
        "is not good at all",
        "is truly dreadful",
    ],
    "neutral": [
        "is okay",
        "is average",
        "is fine",
        "is acceptable",
        "is standard",
        "is ordinary",
        "is adequate",
        "is as described",
        "is neither good nor bad",
        "does the job",
        "is about average",
        "is perfectly ordinary",
        "is fine i suppose",
    ],
}
GENERIC_HELD_OUT = 3

# Whole sentences about the tablet in general (no aspect). The last two are held out.
GENERAL = {
    "positive": [
        "I would happily buy this tablet again",
        "I recommend it to everyone I know",
        "this is the best purchase I have made this year",
        "my whole family loves it",
        "I am delighted with it",
        "it was worth every minute of waiting",
        "I am really delighted with this tablet",
        "I would recommend this tablet to anyone",
    ],
    "negative": [
        "I regret buying this tablet",
        "I am sending it back tomorrow",
        "avoid this one",
        "this is the worst purchase I have made",
        "I am deeply disappointed",
        "it broke within a month",
        "I really regret this purchase",
        "avoid this tablet at all costs",
    ],
    "neutral": [
        "I bought it last month",
        "it is a ten inch tablet",
        "I use it mostly for reading",
        "it replaced my old one",
        "it comes in grey or silver",
        "I ordered it online",
        "I mostly use it for reading the news",
        "it comes in silver",
    ],
}
GENERAL_HELD_OUT = 2

# Openers and connectives (shared by both splits: they carry no sentiment).
OPENERS = ["", "honestly, ", "to be fair, ", "overall, ", "in my experience, ", "after a month of use, ",
           "i have to say ", "so far ", "for me, ", "after a week, "]
GENERAL_OPENERS = ["", "", "honestly, ", "overall, ", "to be fair, ", "all in all, "]
SUBJECTS = ["the {term}", "the {term}", "its {term}", "this tablet's {term}"]
CONTRAST = ["{a}, but {b}", "{a}, while {b}", "although {a}, {b}", "{a}; however, {b}", "{a}, yet {b}",
            "{a} and {b}"]
AGREE = ["{a} and {b}", "{a}, and {b}", "{a}; also, {b}", "{a}, plus {b}"]
ENDINGS = [".", ".", ".", "!", ""]
