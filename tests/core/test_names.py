"""Name folding: every spelling of a name gets one key; different names keep different keys."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from satchel.core.names import fold, fold_keys, fold_prefix, fold_text, words

# Each row: spellings of ONE name as they appear in Cyrillic, passports (ICAO), courts and
# the press. All fictional names.
SAME_NAME = [
    ["Журавлёва", "Журавлева", "Zhuravleva", "Zhuravlyova", "Žuravljova", "ZHURAVLIOVA"],
    ["Емельянова", "Yemelyanova", "Emelianova", "Emel'yanova", "Emel’yanova", "Jemeljanova"],
    ["Евгений", "Yevgeny", "Evgenii", "Evgeniy", "Yevgeniy", "Jevgenij"],
    ["Щукин", "Shchukin", "Schukin", "Ščukin"],
    ["Хабибуллин", "Khabibullin", "Habibullin"],
    ["Юлия", "Yulia", "Julia", "Yuliya", "Iuliia", "Julija"],
    ["Мария", "Maria", "Mariya", "Marija", "Мари́я"],
    ["Наталья", "Natalia", "Natalya", "Natalja", "Наталия"],
    ["Ёлкин", "Елкин", "Yolkin", "Yelkin", "Iolkin"],
    ["Андреева", "Andreyeva", "Andreeva"],
    ["Дмитрий", "Dmitry", "Dmitriy", "Dmitrii", "Dmitrij"],
    ["Фёдор", "Fyodor", "Fedor", "Fiodor"],
    ["Цой", "Tsoy", "Tsoi", "Tzoi"],
    ["Ксения", "Xenia", "Kseniya", "Ksenia"],
    ["Алексей", "Alexey", "Aleksei", "Alexei", "Aleksej"],
    ["Михаил", "Mikhail", "Mihail"],
    ["Джамшид", "Dzhamshid", "Djamshid"],
    ["Иванова", "Iwanowa", "IVANOVA"],
    # Kazakh letters and their Latin forms (2021 alphabet, older and informal spellings).
    ["Қанат", "Qanat", "Kanat"],
    ["Әлия", "Aliya", "Äliya", "Alia"],
    ["Нұрлан", "Nurlan", "Nūrlan"],
    ["Ғалым", "Galym", "Ghalym", "Ğalym"],
    ["Өмірзақ", "Ömirzaq", "Omirzaq", "Omirzak"],
    ["Үміт", "Ümit", "Umit"],
    ["Жаңа", "Zhaña", "Zhanga", "Zhana"],
    ["Һарон", "Haron"],
]


@pytest.mark.parametrize("spellings", SAME_NAME, ids=lambda row: row[0])
def test_every_spelling_of_a_name_folds_to_one_key(spellings: list[str]) -> None:
    keys = {spelling: fold(spelling) for spelling in spellings}
    assert len(set(keys.values())) == 1, keys
    assert keys[spellings[0]]


# Latin letters with several readings: each spelling has a key in common with the others.
SHARED_KEY = [
    ["Жасур", "Jasur", "Zhasur"],  # Uzbek Latin j = Ж
    ["Джамшид", "Jamshid", "Djamshid", "Dzhamshid"],  # English j = Дж
    ["Жаңа", "Jaña", "Zhanga"],  # Kazakh Latin of 2018: j = Ж
    ["Юлия", "Julia", "Yulia"],  # Slavic j = the glide
    ["Хасанов", "Xasanov", "Khasanov", "Hasanov"],  # Uzbek Latin x = Х
    ["Ксения", "Xenia", "Kseniya"],  # English x = кс
    ["Алексей", "Alexei", "Aleksey"],
]


@pytest.mark.parametrize("spellings", SHARED_KEY, ids=lambda row: row[0])
def test_letters_with_several_readings_match_each_reading(spellings: list[str]) -> None:
    common = set.intersection(*(set(fold_keys(s)) for s in spellings))
    assert common, {s: fold_keys(s) for s in spellings}


def test_most_words_have_one_key_and_fold_is_the_first() -> None:
    assert fold_keys("Журавлёва") == (fold("Журавлёва"),)
    assert fold_keys("Jasur")[0] == fold("Jasur")
    assert len(fold_keys("Jasur")) == 3  # glide, Дж, Ж


DIFFERENT_NAMES = [
    ("Petrova", "Sidorova"),
    ("Петрова", "Сидорова"),
    ("Журавлёва", "Жукова"),
    ("Юлия", "Юрий"),
    ("Мария", "Марина"),
    ("Qanat", "Kamila"),
    ("Нұрлан", "Руслан"),
    ("Хабибуллин", "Хабибов"),
    ("Емельянова", "Ермолова"),
    ("Shchukin", "Shukshin"),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT_NAMES)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_keys_are_plain_ascii_letters_and_digits() -> None:
    for row in SAME_NAME:
        for spelling in row:
            assert fold(spelling).isascii()
            assert fold(spelling).isalnum()


@given(st.text(max_size=40))
@settings(deadline=None)  # folding is fast; a loaded CI machine is not
def test_any_text_folds_without_error_to_tokenizer_safe_keys(text: str) -> None:
    # The folded keys go into an FTS5 column as space-separated tokens: anything but
    # lowercase ASCII letters and digits would be split or dropped by the tokenizer.
    for key in fold_text(text):
        assert key
        assert all(c in "abcdefghijklmnopqrstuvwxyz0123456789" for c in key)
    for key in fold_prefix(text):
        assert key.isascii()


def test_fold_text_gives_each_word_once_in_order() -> None:
    assert fold_text("Журавлёва Анна Сергеевна; ZHURAVLEVA, anna") == [
        "zuravleva",
        "ana",
        "sergevna",
    ]


def test_apostrophe_inside_a_word_does_not_split_it() -> None:
    assert words("Emel'yanova O’Brien d'Artagnan") == ["Emel'yanova", "O’Brien", "d'Artagnan"]
    assert fold_text("Emel'yanova") == [fold("Емельянова")]
    assert fold_text("Jasur") == list(fold_keys("Jasur"))


def test_punctuation_and_fts_syntax_are_not_words() -> None:
    assert words('" AND ( ) * : ^ - foo:bar NEAR/3') == ["AND", "foo", "bar", "NEAR", "3"]


@pytest.mark.parametrize(
    ("full", "typed"),
    [
        ("Журавлёва", "Zhuravl"),
        ("Журавлёва", "Zhuravly"),
        ("Журавлёва", "Žuravlj"),
        ("Журавлёва", "Журав"),
        ("Zhuravleva", "Журавлё"),
        ("Хабибуллин", "K"),
        ("Хабибуллин", "Kha"),
        ("Хабибуллин", "Habibul"),
        ("Щукин", "Shc"),
        ("Щукин", "Sc"),
        ("Евгений", "Ye"),
        ("Евгений", "Evgeni"),
        ("Андреева", "Andrei"),
        ("Цой", "T"),
        ("Yulia", "Ю"),
        ("Yemelyanova", "Емельян"),
        ("Qanat", "Қан"),
    ],
)
def test_a_typed_prefix_matches_the_key_of_the_full_name(full: str, typed: str) -> None:
    target = fold(full)
    assert any(target.startswith(key) for key in fold_prefix(typed)), (
        fold_prefix(typed),
        target,
    )


def test_prefix_keys_start_with_the_plain_fold() -> None:
    assert fold_prefix("Petrov")[0] == fold("Petrov")
    assert fold_prefix("") == ()
