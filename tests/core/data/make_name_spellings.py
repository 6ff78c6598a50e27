"""Regenerate name_spellings.tsv: Cyrillic names and their spellings in many conventions.

The official Russian schemas come from `iuliia` (the reference implementation of ICAO Doc
9303, BGN/PCGN, ISO 9, the scholarly and the French-passport transliterations; a test
extra). German, Polish, Czech and French transcription, the Ukrainian national Latin and
the two Kazakh Latin alphabets are spelt below from their published tables (Duden, PWN,
the Czech transcription rules, Ukrainian resolution 55/2010, Kazakh decrees of 2018 and
2021), forwards from Cyrillic, independently of the folding rules that read them back.
Every name is a common surname or given name, none a real person's full name.

    python tests/core/data/make_name_spellings.py  # rewrites name_spellings.tsv
"""

from __future__ import annotations

import re
from pathlib import Path

import iuliia

SURNAMES_RU = """
Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов
Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев
Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв
Сергеев Кузьмин Фролов Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин
Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров
Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов
Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов
Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров
Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов
Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников Трофимов
Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин
Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев
Бирюков Горбунов Анисимов Ерёмин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин
Белоусов Нестеров Симонов Прокофьев Харитонов Князев Цветков Левин Митрофанов Воронов
Аксёнов Мальцев Логинов Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков Сафонов
Плотников Дёмин Хохлов Шубин Шишкин Шестаков Щукин Щёголев Чащин Жданов Ежов Щеглов
Шувалов Чижов Журов Хабибуллин Зиновьев Юсупов Якушев Ёлкин Цыганов Щепкин Шаповалов
"""

FEMININE = (
    "Иванова Кузнецова Журавлёва Емельянова Соловьёва Щербакова Чернышёва Воробьёва Юдина Цветкова"
)

GIVEN_RU = """
Александр Алексей Анастасия Андрей Анна Антон Артём Борис Вадим Валентина Валерий
Василий Вера Виктор Виктория Владимир Галина Геннадий Георгий Григорий Дарья Денис
Дмитрий Евгений Евгения Екатерина Елена Елизавета Жанна Зинаида Иван Игорь Илья Ирина
Кирилл Константин Ксения Лариса Леонид Любовь Людмила Максим Маргарита Марина Мария
Михаил Надежда Наталья Никита Николай Олег Ольга Павел Пётр Полина Роман Светлана Семён
Сергей Софья Станислав Степан Тамара Татьяна Тимофей Фёдор Юлия Юрий Яков Ярослав
Эдуард Эльвира Ульяна Юлиан Яна Вячеслав Всеволод Захар Ефим Серафима
"""

NAMES_UK = """
Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Поліщук Бойко Мельник
Гриценко Лисенко Марченко Руденко Савченко Петренко Клименко Павленко Харченко
Гончаренко Юрченко Грищенко Кузьменко Ярошенко Олександр Олексій Сергій Андрій
Дмитро Микола Григорій Юрій Олена Тетяна Наталія Ганна Галина Ірина Євген Василь Ігор
Олег Михайло
"""

NAMES_KZ = """
Ахметов Жұмабаев Нұрланов Қасымов Омаров Серікбаев Тұрсынов Жақсылықов Есенова
Мұхамеджанов Оспанов Сүлейменов Исабеков Құрманғалиев Досжанов Әлиев Төлегенов
Ғабдуллин Үсенов Шәкенов Ұлықбек Айгерім Жәнібек Әсел Гүлнар Нұржан Ерлан Дәурен
Мөлдір Айнұр Бауыржан Еркебұлан Салтанат Жансая Ақжол Қуаныш Мейірім Ғалым Әлия Қанат
Өмірзақ Үміт Жаңабаев Сәуле Дінмұхамед
"""

# Given names whose other forms differ by more than a spelling (names.py's table names
# them; these rows check that each form finds the Russian one).
GIVEN_VARIANTS = {
    "Юрий": ["Yuri", "Yury", "Iurii", "Jurij", "Juri", "Iouri", "Yurii", "Jerzy"],
    "Александр": ["Alexander", "Aleksandr", "Oleksandr", "Alexandre", "Aleksander",
                  "Aliaksandr", "Olexandr"],
    "Алексей": ["Alexei", "Alexey", "Aleksei", "Oleksii", "Aliaksei", "Alexej"],
    "Сергей": ["Sergei", "Sergey", "Serhii", "Serhiy", "Siarhei", "Siergiej", "Serguei"],
    "Андрей": ["Andrei", "Andrey", "Andrii", "Andriy", "Andrzej", "Andreï"],
    "Михаил": ["Mikhail", "Michail", "Mykhailo", "Michał", "Mikhaïl"],
    "Дмитрий": ["Dmitri", "Dmitry", "Dmytro", "Dzmitry", "Dimitri"],
    "Владимир": ["Vladimir", "Wladimir", "Volodymyr", "Uladzimir", "Włodzimierz"],
    "Николай": ["Nikolai", "Nikolay", "Mykola", "Mikalai", "Mikołaj", "Nikolaï"],
    "Пётр": ["Pyotr", "Petr", "Piotr", "Petro", "Pjotr"],
    "Павел": ["Pavel", "Pawel", "Pavlo", "Paweł"],
    "Григорий": ["Grigory", "Grigorii", "Hryhorii", "Hryhoriy", "Grigori"],
    "Евгений": ["Yevgeny", "Evgenii", "Yevhen", "Jewgeni", "Ievgen", "Yauhen", "Evgueni"],
    "Елена": ["Yelena", "Elena", "Olena", "Alena", "Jelena", "Helena"],
    "Екатерина": ["Yekaterina", "Ekaterina", "Kateryna", "Katsiaryna", "Jekaterina"],
    "Татьяна": ["Tatyana", "Tatiana", "Tetiana", "Tatsiana", "Tatjana"],
    "Ольга": ["Olga", "Olha", "Volha"],
    "Анна": ["Anna", "Hanna"],
    "Игорь": ["Igor", "Ihor", "Ihar"],
    "Олег": ["Oleg", "Oleh", "Aleh"],
    "Наталья": ["Natalya", "Natalia", "Nataliia", "Natallia", "Natalja"],
    "Мария": ["Maria", "Mariya", "Mariia", "Maryia", "Marija"],
    "Фёдор": ["Fyodor", "Fedor", "Fedir", "Fjodor", "Fiodor"],
    "Василий": ["Vasily", "Vasilii", "Vasyl", "Wassili", "Vassili"],
}  # fmt: skip

# The same given name in Ukrainian and Belarusian Cyrillic: a search for one should find
# the others, so the false-hit count does not count them.
EQUIVALENT_FORMS = {
    "Александр": ["Олександр", "Аляксандр"], "Алексей": ["Олексій", "Аляксей"],
    "Андрей": ["Андрій"], "Анна": ["Ганна"], "Василий": ["Василь"], "Григорий": ["Григорій"],
    "Дмитрий": ["Дмитро"], "Евгений": ["Євген"], "Елена": ["Олена"], "Игорь": ["Ігор"],
    "Ирина": ["Ірина"], "Михаил": ["Михайло"], "Наталья": ["Наталія"], "Сергей": ["Сергій"],
    "Юрий": ["Юрій"], "Олег": ["Алег"], "Николай": ["Микола"], "Татьяна": ["Тетяна"],
}  # fmt: skip

IULIIA_SCHEMAS = {
    "icao_doc_9303": iuliia.ICAO_DOC_9303,
    "bgn_pcgn": iuliia.BGN_PCGN,
    "press_wikipedia": iuliia.WIKIPEDIA,
    "scholarly": iuliia.SCIENTIFIC,
    "iso_9": iuliia.GOST_779,
    "french_passport": iuliia.MVD_310_FR,
    "ungegn_1987": iuliia.UNGEGN_1987,
    "passport_2010": iuliia.GOST_52535,
    "passport_1997": iuliia.MVD_782,
}

VOWELS = "аеёиоуыэюяәөүұі"
SIBILANTS = "жчшщ"


def _spell(word: str, table: dict[str, str], context: dict[str, tuple[str, str, str]]) -> str:
    """Spell `word` letter by letter; `context` gives (word start or after a vowel or
    sign, after a sibilant, elsewhere) spellings for letters that depend on it."""
    out = []
    low = word.lower()
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else ""
        if ch in context:
            start, after_sibilant, other = context[ch]
            if not prev or prev in VOWELS or prev in "ъь":
                out.append(start)
            elif prev in SIBILANTS:
                out.append(after_sibilant)
            else:
                out.append(other)
        else:
            out.append(table.get(ch, ch))
    text = "".join(out)
    return text[:1].upper() + text[1:]


GERMAN = dict(zip("абвгджзиклмнопрстуфхцчшщъыьэй",
                  ["a", "b", "w", "g", "d", "sch", "s", "i", "k", "l", "m", "n", "o", "p",
                   "r", "s", "t", "u", "f", "ch", "z", "tsch", "sch", "schtsch", "", "y", "",
                   "e", "i"], strict=True))  # fmt: skip
GERMAN_CONTEXT = {"е": ("je", "e", "e"), "ё": ("jo", "o", "jo"), "ю": ("ju", "ju", "ju"),
                  "я": ("ja", "ja", "ja")}  # fmt: skip

POLISH = dict(zip("абвгджзиклмнопрстуфхцчшщъыьэй",
                  ["a", "b", "w", "g", "d", "ż", "z", "i", "k", "ł", "m", "n", "o", "p", "r",
                   "s", "t", "u", "f", "ch", "c", "cz", "sz", "szcz", "", "y", "", "e", "j"],
                  strict=True))  # fmt: skip
POLISH_CONTEXT = {"е": ("je", "e", "ie"), "ё": ("jo", "o", "io"), "ю": ("ju", "u", "iu"),
                  "я": ("ja", "a", "ia")}  # fmt: skip

CZECH = dict(zip("абвгджзиклмнопрстуфхцчшщъыьэй",
                 ["a", "b", "v", "g", "d", "ž", "z", "i", "k", "l", "m", "n", "o", "p", "r",
                  "s", "t", "u", "f", "ch", "c", "č", "š", "šč", "", "y", "", "e", "j"],
                 strict=True))  # fmt: skip
CZECH_CONTEXT = {"е": ("je", "e", "e"), "ё": ("jo", "o", "jo"), "ю": ("ju", "ju", "ju"),
                 "я": ("ja", "ja", "ja")}  # fmt: skip

KAZAKH_2021 = dict(zip("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
                       ["a", "ä", "b", "v", "g", "ğ", "d", "e", "io", "j", "z", "i", "i", "k",
                        "q", "l", "m", "n", "ñ", "o", "ö", "p", "r", "s", "t", "u", "ū", "ü",
                        "f", "h", "h", "s", "ç", "ş", "ş", "", "y", "ı", "", "e", "iu", "ia"],
                       strict=True))  # fmt: skip
KAZAKH_2018 = dict(zip("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
                       ["a", "á", "b", "v", "g", "ǵ", "d", "e", "io", "j", "z", "ı", "ı", "k",
                        "q", "l", "m", "n", "ń", "o", "ó", "p", "r", "s", "t", "ý", "u", "ú",
                        "f", "h", "h", "ts", "ch", "sh", "shch", "", "y", "i", "", "e", "iý",
                        "ia"], strict=True))  # fmt: skip
# Kazakh passports: ICAO letters, Kazakh letters without their marks.
KAZAKH_PASSPORT = dict(zip("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
                           ["a", "a", "b", "v", "g", "g", "d", "e", "e", "zh", "z", "i", "i",
                            "k", "k", "l", "m", "n", "n", "o", "o", "p", "r", "s", "t", "u",
                            "u", "u", "f", "kh", "h", "ts", "ch", "sh", "shch", "", "y", "i",
                            "", "e", "iu", "ia"], strict=True))  # fmt: skip
UKRAINIAN = dict(zip("абвгґдежзиіклмнопрстуфхцчшщь'",
                     ["a", "b", "v", "h", "g", "d", "e", "zh", "z", "y", "i", "k", "l", "m",
                      "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch",
                      "", ""], strict=True))  # fmt: skip
UKRAINIAN_CONTEXT = {"є": ("ye", "ie", "ie"), "ї": ("yi", "i", "i"), "й": ("y", "i", "i"),
                     "ю": ("yu", "iu", "iu"), "я": ("ya", "ia", "ia")}  # fmt: skip


def german(name: str) -> str:
    s = name.lower().replace("кс", "x")
    s = re.sub("ий$", "и", s)
    s = re.sub(f"(?<=[{VOWELS}])с(?=[{VOWELS}])", "сс", s)
    out = _spell(s, GERMAN | {"x": "x", "сс": "ss"}, GERMAN_CONTEXT)
    return out.replace("sss", "ss")


def polish(name: str) -> str:
    s = re.sub("(?<=[жцш])и", "ы", name.lower())
    s = re.sub("ль", "l", s)
    return _spell(s, POLISH | {"l": "l"}, POLISH_CONTEXT).replace("łi", "li").replace("łe", "le")


def czech(name: str) -> str:
    return _spell(name, CZECH, CZECH_CONTEXT)


def french(name: str) -> str:
    s = name.lower()
    s = re.sub("([иы])н$", r"\1не", s)
    s = re.sub("ий$", "и", s)
    s = re.sub(f"(?<=[{VOWELS}])с(?=[{VOWELS}])", "сс", s)
    s = re.sub("г(?=[еиыэ])", "gu", s)
    table = {**dict(zip("абвгджзиклмнопрстуфхцчшщъыьэй",
                        ["a", "b", "v", "g", "d", "j", "z", "i", "k", "l", "m", "n", "o",
                         "p", "r", "s", "t", "ou", "f", "kh", "ts", "tch", "ch", "chtch",
                         "", "y", "", "e", "ï"], strict=True))}  # fmt: skip
    context = {"е": ("ie", "e", "e"), "ё": ("io", "o", "io"), "ю": ("iou", "iou", "iou"),
               "я": ("ia", "ia", "ia")}  # fmt: skip
    return _spell(s, table, context)


def ukrainian(name: str) -> str:
    return _spell(name.replace("зг", "зґh"), UKRAINIAN | {"h": "h"}, UKRAINIAN_CONTEXT).replace(
        "zgh", "zgh"
    )


def kazakh(table: dict[str, str]) -> object:
    def spell(name: str) -> str:
        return _spell(name, table, {})

    return spell


def rows() -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(name: str, spelling: str, convention: str) -> None:
        spelling = spelling[:1].upper() + spelling[1:]
        if spelling and (name, spelling) not in seen:
            seen.add((name, spelling))
            found.append((name, spelling, convention))

    russian = SURNAMES_RU.split() + FEMININE.split() + GIVEN_RU.split()
    for name in russian:
        for convention, schema in IULIIA_SCHEMAS.items():
            # iuliia 0.13 passes Ё through where its schemas (BGN/PCGN, scholarly, ISO 9)
            # write ë: spell it as the schemas say.
            spelled = schema.translate(name).replace("ё", "ë").replace("Ё", "Ë")
            add(name, spelled, convention)
        add(name, german(name), "german_duden")
        add(name, polish(name), "polish_pwn")
        add(name, czech(name), "czech")
        add(name, french(name), "french")
        add(name, name.replace("ё", "е").replace("Ё", "Е"), "cyrillic_e_for_yo")
    for name in NAMES_UK.split():
        add(name, ukrainian(name), "ukrainian_2010")
    for name in NAMES_KZ.split():
        add(name, kazakh(KAZAKH_2021)(name), "kazakh_latin_2021")  # type: ignore[operator]
        add(name, kazakh(KAZAKH_2018)(name), "kazakh_latin_2018")  # type: ignore[operator]
        add(name, kazakh(KAZAKH_PASSPORT)(name), "kazakh_passport")  # type: ignore[operator]
    for name, forms in EQUIVALENT_FORMS.items():
        for form in forms:
            add(name, form, "equivalent_form")
    for name, forms in GIVEN_VARIANTS.items():
        for form in forms:
            add(name, form, "given_name_variant")
    return [r for r in found if r[0] != r[1]]


def main() -> None:
    out = Path(__file__).with_name("name_spellings.tsv")
    lines = ["# cyrillic\tspelling\tconvention  (generated by make_name_spellings.py)"]
    lines += ["\t".join(r) for r in rows()]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} rows -> {out}")


if __name__ == "__main__":
    main()
