"""Reading a long message for its main question (no model needed)."""

from __future__ import annotations

import pytest

from kgqa.understanding.message import asks_outright, read_message


def test_a_short_question_is_its_own_question():
    m = read_message("Which drugs treat gout?")
    assert m.whole and m.question_text == "Which drugs treat gout?" and m.subject is None


def test_the_subject_and_the_asking_sentence_of_a_portal_message():
    text = ("SUBJECT: Friedreich's ataxia\nMESSAGE: I have been told I have Friedreich's "
            "ataxia. I am looking for a treatment to reverse it. Thank you.")  # fmt: skip
    m = read_message(text)
    assert m.subject_text == "Friedreich's ataxia"
    assert m.question_text == "I am looking for a treatment to reverse it."


def test_a_short_first_line_is_the_subject_and_a_question_mark_wins():
    text = ("who makes bromocriptine\ni am wondering what company makes the drug, i need it "
            "for a mass on my pituitary gland; the cost keeps rising. Can you help?")  # fmt: skip
    m = read_message(text)
    assert m.subject_text == "who makes bromocriptine"
    assert m.question_text == "Can you help?"


def test_portal_boilerplate_is_no_subject():
    text = ("SUBJECT: ClinicalTrials.gov - Question - general information\nMESSAGE: Both my "
            "parents had multiple myeloma. Where could I get the genetic test for MM?")  # fmt: skip
    m = read_message(text)
    assert m.subject is None
    assert m.question_text == "Where could I get the genetic test for MM?"


def test_without_an_asking_sentence_a_subject_that_asks_is_the_question():
    m = read_message("SUBJECT: what causes hives?\nMESSAGE: I get them every night. Thanks!")
    assert m.question_text == "what causes hives?"


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "SUBJECT:\nMESSAGE:"])
def test_odd_messages_give_a_span_not_an_error(text):
    m = read_message(text)
    assert 0 <= m.question[0] <= m.question[1] <= len(text)


def test_offsets_index_the_message_itself():
    text = "SUBJECT: gout\nMESSAGE: My father has gout. What helps? Thanks!"
    m = read_message(text)
    a, b = m.question
    assert text[a:b] == "What helps?" and text[slice(*m.subject)] == "gout"


def test_thanks_and_placeholders_are_no_question_and_a_plain_sentence_yields_to_the_subject():
    m = read_message(
        "SUBJECT: NIFEDIPINE\nMESSAGE: I take nifedipine and my nose bleeds a lot. "
        "Thanks for any help you can provide. My email is [CONTACT]."
    )
    # "Thanks for any help" holds an asking phrase but is a closing line
    assert m.question_text == "I take nifedipine and my nose bleeds a lot."
    assert not m.asks and m.context_text == "NIFEDIPINE"


def test_a_question_that_names_nothing_stands_on_the_sentence_before_it():
    text = (
        "My father was diagnosed with gout last year and the pain keeps coming back. "
        "He already changed his diet a lot and stopped drinking beer. What should we do?"
    )
    m = read_message(text)
    assert m.question_text == "What should we do?" and m.asks
    assert m.context_text == "He already changed his diet a lot and stopped drinking beer."


def test_a_message_header_without_a_subject_is_not_part_of_the_question():
    text = (
        "MESSAGE: Hello, about 9 years ago I was poisoned with mercury and I still feel it "
        "every day in my hands and feet. Is there any treatment for mercury poisoning?"
    )
    m = read_message(text)
    assert m.question_text == "Is there any treatment for mercury poisoning?"
    assert not m.question_text.startswith("MESSAGE")


def test_a_greeting_may_open_the_question():
    m = read_message(
        "SUBJECT: nulytely\nMESSAGE: My pharmacy is out of it and I have a colonoscopy next "
        "week. Hello can you tell me where do i order the nulytely, who is the manufacturer?"
    )
    assert m.question_text.startswith("Hello can you tell me") and m.asks


def test_a_sentence_that_asks_without_a_question_word_is_the_question():
    text = (
        "SUBJECT: NIFEDIPINE\nMESSAGE: I have taken nifedipine for five years. I take it to "
        "treat my raynauds. When i take it i have nose bleeds, i want to find out if this "
        "relates to the medication i am taking. Thanks for any help you can provide"
    )
    assert read_message(text).question_text.endswith("relates to the medication i am taking.")
    history = ("I am 40 and I have had gout for ten years, and it is getting worse every year "
               "now, with attacks in both feet and now in my left knee as well. ")  # fmt: skip
    asked = "My doctor is away so could you tell me what helps."
    assert read_message(history + asked).question_text == asked


def test_a_sentence_that_only_announces_a_question_yields_to_the_question():
    text = ("Dear Sir\nI'd like to ask you a medical question as I've got optic nerve atrophy in "
            "my eye and lost my vision at 8.\nSo please is there treatment for optic nerve "
            "atrophy !\nBest wishes")  # fmt: skip
    want = "So please is there treatment for optic nerve atrophy !"
    assert read_message(text).question_text == want
    # "my question is ..." goes on to ask: it is the question
    text = ("SUBJECT: Shingles\nMESSAGE: I had shingles in my fifties. I will have implants "
            "soon. My question is does shingles affect the gum nerves? Has any research been "
            "done in this area also?")  # fmt: skip
    assert read_message(text).question_text.startswith("My question is does shingles")


def test_a_bare_request_for_help_yields_to_a_sentence_that_asks():
    text = ("I have had bloating for two years and the medication I bought does not help. "
            "Please help me. I want to know which medicine can cure this. Thank you.")  # fmt: skip
    assert read_message(text).question_text == "I want to know which medicine can cure this."
    # with nothing else that asks, a request for help is the question, wherever its "please"
    text = ("SUBJECT: IBS\nMESSAGE: My father has suffered from IBS for years and nothing has "
            "worked. So please help us and suggest something for this problem.")  # fmt: skip
    m = read_message(text)
    assert m.asks and m.question_text.startswith("So please help us")


def test_a_question_after_a_conjunction_or_an_address_and_what_to_do_anywhere_ask():
    history = ("I am 40 and I have had kidney stones for ten years, and they get worse every "
               "year now, with pain in my back and my side. ")  # fmt: skip
    for asked in ["And what should i do for remove stone", "plz sir any drug for the stones.",
                  "My blood pressure is 140/100 what can i do for normal blood pressure..",
                  "I honestly don't know what to do.", "I need some advice."]:  # fmt: skip
        m = read_message(history + asked)
        assert m.asks and m.question_text == asked.strip(), asked
    # a plain statement is still none
    assert not read_message(history + "My doctor is away this month.").asks


def test_a_list_number_does_not_end_a_sentence():
    text = ("SUBJECT: diabetes MESSAGE: Sir, 1. Does diabetes affect bowel movements? "
            "2. What should I eat?")  # fmt: skip
    m = read_message(text)
    assert m.question_text == "Does diabetes affect bowel movements?"
    assert read_message("My dose is 2. " * 8 + "Is that a lot? Thanks").question_text == (
        "Is that a lot?"
    )


def test_a_message_keeps_what_else_it_asks_and_whether_it_only_pleads():
    text = ("SUBJECT: gout\nMESSAGE: My father has had gout for years. How long will it last? "
            "Is there a cure? Thank you.")  # fmt: skip
    m = read_message(text)
    assert m.question_text == "How long will it last?"
    assert [text[a:b] for a, b in m.further] == ["Is there a cure?"] and not m.pleads
    assert read_message("SUBJECT: gout\nMESSAGE: My father has had gout for years, and "
                        "nothing he takes works any more. Please suggest.").pleads  # fmt: skip
    assert read_message("My father has had gout for years. " * 4 + "He is 70 now.").pleads


def test_an_abbreviation_a_placeholder_and_a_stated_auxiliary_do_not_mislead():
    # "dr." ends no sentence; "I wish to know" asks
    text = ("SUBJECT: reason for denial of script\nMESSAGE: my dr.wrote a script for a lidocaine "
            "patch for my neuropathy.  I wish to know why it was denied.")  # fmt: skip
    m = read_message(text)
    assert m.asks and m.question_text == "I wish to know why it was denied."
    # a request said as what would help asks; the praise after it does not
    text = ("SUBJECT: Definitions\nMESSAGE: Hi, An explanation of the difference between "
            "myelogenous and lymphocytic leukemia would be helpful. Great work!")  # fmt: skip
    assert read_message(text).question_text.endswith("would be helpful.")
    # a placeholder inside a question keeps it a question; a signature line is no question
    text = ("IP\nMy daughter has had IP since she was born, and she is pregnant now and well. "
            "Will [LOCATION] still have her records from back then? [NAME]")  # fmt: skip
    assert read_message(text).question_text == (
        "Will [LOCATION] still have her records from back then?"
    )
    # "Now has been diagnosed ..." states; it does not ask
    text = ("SUBJECT: tick bites\nMESSAGE: my husband had Rocky Mountain spotted fever years "
            "ago and then Lyme disease. Now has been diagnosed with type II diabetes.")  # fmt: skip
    assert not read_message(text).asks


def test_ie_eg_and_etc_end_no_sentence():
    # "i.e." was cut at its first period, and "etc.," after it: the question read was
    # ", can worsen McArdle's disease?", its subject cut off
    text = ("SUBJECT: McArdle's Disease\nMESSAGE: I have had it for years. Is there any "
            "evidence that trauma such as a physical injury i.e., neck injury, torn ligament, "
            "etc., can worsen McArdle's disease? Thanks so much.")  # fmt: skip
    assert read_message(text).question_text.startswith("Is there any evidence that trauma")
    text = "I take pills e.g. aspirin and so on. " * 3 + "Can you help? Thanks"
    assert read_message(text).question_text == "Can you help?"
    # a sentence that ends in "I." still ends
    text = "Nobody in my family has it but I. " * 3 + "What is it? Thanks"
    assert read_message(text).question_text == "What is it?"


def test_a_clause_of_when_something_happened_is_no_question():
    text = ("SUBJECT: my kidney\nMESSAGE: When I came to look across my medical diary I "
            "found a scan report of my kidney. Please clarify whether I have ectopic kidney. "
            "Thanks.")  # fmt: skip
    m = read_message(text)
    assert m.question_text == "Please clarify whether I have ectopic kidney."
    # a question that opens with "when" still asks
    m = read_message("SUBJECT: knee\nMESSAGE: I had knee surgery in May. When can I run again?")
    assert m.question_text == "When can I run again?"


def test_what_to_take_asks_in_the_order_it_is_said():
    m = read_message("SUBJECT: gums\nMESSAGE: My gums bleed every morning for a month now. "
                     "what medicine I use")  # fmt: skip
    assert m.asks and m.question_text == "what medicine I use"
    # every sentence of the body is kept, in order, for a message that links nothing
    first = m.sentences[0]
    assert m.text[first[0] : first[1]] == "My gums bleed every morning for a month now."


def test_a_line_wrapped_mid_sentence_does_not_end_it():
    # the question read was "I have a relative ... we want to know if there're", cut at the
    # line break, without what was asked (a natural approach: no drug list)
    text = ("SUBJECT: ClinicalTrials.gov - Question - general information\nMESSAGE: My aunt has "
            "type 2 diabetes and we want to know if there're\nany natural approach to lower her "
            "sugar. The pills made her sicker.\nPlease help! Thanks")  # fmt: skip
    m = read_message(text)
    assert m.question_text.endswith("any natural approach to lower her sugar.")
    # a line that starts in capitals, or after a blank line, starts a sentence of its own
    text = "SUBJECT: gout\nMESSAGE: My father has gout\nHow long will it last?\n\nthanks a lot"
    m = read_message(text)
    assert m.question_text == "How long will it last?"
    assert [text[a:b] for a, b in m.sentences][-1] == "thanks a lot"
    # a shortened word before a word in lower case ends no sentence either
    text = ("SUBJECT: glaucoma\nMESSAGE: My eye pressure went up when I began taking "
            "rizatriptan. Can this med.  cause glaucoma? I am 32 yrs. old.")  # fmt: skip
    assert read_message(text).question_text == "Can this med.  cause glaucoma?"


def test_suggestions_wanted_ask_and_suggestions_welcome_plead():
    text = ("SUBJECT: Breast cancer\nMESSAGE: My mother is 84. She is scheduled for a "
            "lumpectomy. Because of age we would like suggestions on treatment options after "
            "surgery.")  # fmt: skip
    m = read_message(text)
    assert m.question_text.startswith("Because of age") and not m.pleads
    welcome = read_message("SUBJECT: nocturia\nMESSAGE: I get up four times a night. My doctor "
                           "has nothing for it. Your suggestions welcomed. Thank you.")  # fmt: skip
    assert welcome.question_text == "Your suggestions welcomed." and welcome.pleads
    assert asks_outright("Is there a cure?") and not asks_outright("Please help")


def test_has_and_have_ask_only_with_a_subject_after_them():
    # the statement "have seen ..." (its subject unsaid) was read as the question, not the
    # sentence after it that asks
    text = ("SUBJECT: eye pressure\nMESSAGE: have noticed my eye pressure rising since I "
            "started rizatriptan. Can this med.  cause glaucoma.")  # fmt: skip
    assert read_message(text).question_text == "Can this med.  cause glaucoma."
    for stated in ("have seen my eye pressure go up.", "Have become sore whenever I lift things.",
                   "but have the tablets at home.", "and has lost two jobs since."):  # fmt: skip
        assert not asks_outright(stated), stated
    asked_ = ("Have you ever heard of this", "Has etanercept been used in Parkinson's",
              "Has any research been done", "Have any links been found between them")  # fmt: skip
    for asked in asked_:
        assert asks_outright(asked), asked


def test_a_subject_line_of_no_word_asks_nothing_and_what_it_means_asks_anywhere():
    text = ("SUBJECT: ?\nMESSAGE: Since last week my sides ache and my stomach is sore what "
            "does these signs mean")  # fmt: skip
    m = read_message(text)
    assert m.asks and m.question_text.endswith("what does these signs mean")
    m = read_message("SUBJECT: ?\nMESSAGE: I have had sore sides for a week. My mother has them "
                     "too.")  # fmt: skip
    assert not m.asks and m.question_text == "I have had sore sides for a week."


def test_ie_after_a_colon_ends_no_sentence():
    text = ("SUBJECT: ataxia telangiectasia\nMESSAGE: My uncle had it. I would like to know if "
            "his grandchildren could show it mildly:i.e., is there a range???")  # fmt: skip
    assert read_message(text).question_text.startswith("I would like to know if his")
