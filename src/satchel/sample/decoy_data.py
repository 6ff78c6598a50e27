"""The vocabulary of the duress decoy: names, places and ordinary matters, in English and Russian.

Tables, not logic (sample/decoy.py draws from them). Every name is an ordinary given name or
surname of its country, combined at random: no combination stands for a real person. Places
are cities and the generic kinds of office a small practice deals with; no court is named
after a real judge or firm. Text pairs are (English, Russian).

Why tables of our own and not Faker: Faker is 25 MB installed, has no Kazakh or Kyrgyz
locale, and mixes English words into some others; the decoy needs about forty names per
country and the wording of a lawyer's ordinary files, which no generator provides.

The module is long because it is data: fifteen matters, each with its story in two
languages, and eight countries' names; kept in one place for a translator to read whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from satchel.core.model import EventType, RoleKind

__all__ = ["COUNTRIES", "FOLLOW_UPS", "MATTERS", "NAMES", "PLACES", "Matter", "NamePool", "Step"]

Pair = tuple[str, str]  # (English, Russian) — or (Latin, Cyrillic) for a name


@dataclass(frozen=True)
class NamePool:
    """Given names and surnames of one country, each as (Latin, Cyrillic)."""

    male: tuple[Pair, ...]
    female: tuple[Pair, ...]
    surnames: tuple[Pair, ...]
    inflects: bool
    """Whether a woman's surname takes the feminine form (Ivanov → Ivanova)."""
    native_script_cyrillic: bool
    """Whether the name is written first in Cyrillic there (with a Latin alias)."""


def _pairs(text: str) -> tuple[Pair, ...]:
    """'Latin=Кириллица, …' → pairs; keeps the tables below readable."""
    out = []
    for item in text.split(","):
        latin, _, cyrillic = item.strip().partition("=")
        out.append((latin.strip(), cyrillic.strip()))
    return tuple(out)


NAMES: dict[str, NamePool] = {
    "RU": NamePool(
        male=_pairs(
            "Aleksei=Алексей, Andrei=Андрей, Dmitrii=Дмитрий, Sergei=Сергей, Pavel=Павел,"
            " Mikhail=Михаил, Nikolai=Николай, Oleg=Олег, Viktor=Виктор, Igor=Игорь,"
            " Konstantin=Константин, Roman=Роман, Vladimir=Владимир, Yurii=Юрий, Stepan=Степан,"
            " Gleb=Глеб, Timofei=Тимофей, Anton=Антон, Vasilii=Василий, Fedor=Фёдор"
        ),
        female=_pairs(
            "Irina=Ирина, Marina=Марина, Olga=Ольга, Tatiana=Татьяна, Elena=Елена,"
            " Natalia=Наталья, Svetlana=Светлана, Anna=Анна, Ksenia=Ксения, Polina=Полина,"
            " Daria=Дарья, Vera=Вера, Galina=Галина, Liudmila=Людмила, Valentina=Валентина,"
            " Yulia=Юлия, Alla=Алла, Nina=Нина, Zoia=Зоя, Larisa=Лариса"
        ),
        surnames=_pairs(
            "Kotov=Котов, Polozov=Полозов, Yudin=Юдин, Belousov=Белоусов, Gusev=Гусев,"
            " Zaitsev=Зайцев, Nikitin=Никитин, Sorokin=Сорокин, Krylov=Крылов,"
            " Lebedev=Лебедев, Markov=Марков, Tikhonov=Тихонов, Fomin=Фомин,"
            " Shilov=Шилов, Averin=Аверин, Gromov=Громов, Danilov=Данилов, Ershov=Ершов,"
            " Kalinin=Калинин, Lapin=Лапин, Mironov=Миронов, Orlov=Орлов, Panin=Панин,"
            " Rodionov=Родионов, Savin=Савин, Titov=Титов, Uvarov=Уваров, Frolov=Фролов,"
            " Kharitonov=Харитонов, Chernov=Чернов"
        ),
        inflects=True,
        native_script_cyrillic=True,
    ),
    "KZ": NamePool(
        male=_pairs(
            "Askar=Аскар, Berik=Берик, Daulet=Даулет, Yerlan=Ерлан, Kanat=Канат,"
            " Marat=Марат, Nurlan=Нурлан, Serik=Серик, Timur=Тимур, Arman=Арман,"
            " Bolat=Болат, Dias=Диас, Erzhan=Ержан, Galym=Галым, Zhanibek=Жанибек"
        ),
        female=_pairs(
            "Aigerim=Айгерим, Aliya=Алия, Dana=Дана, Gulnara=Гульнара, Zhanar=Жанар,"
            " Kamila=Камила, Madina=Мадина, Saule=Сауле, Aizhan=Айжан, Dinara=Динара,"
            " Assel=Асель, Botagoz=Ботагоз, Zarina=Зарина, Meruert=Меруерт, Togzhan=Тогжан"
        ),
        surnames=_pairs(
            "Abenov=Абенов, Baimukhanov=Баймуханов, Dzhaksybekov=Джаксыбеков,"
            " Yesenov=Есенов, Zhumabaev=Жумабаев, Iskakov=Искаков, Kassymov=Касымов,"
            " Mukanov=Муканов, Nurpeisov=Нурпеисов, Omarov=Омаров, Sadykov=Садыков,"
            " Tokayev=Токаев, Utepov=Утепов, Shaikenov=Шайкенов, Ermekov=Ермеков,"
            " Akhmetov=Ахметов, Bekov=Беков, Kenzhebaev=Кенжебаев, Sarsenov=Сарсенов,"
            " Temirov=Темиров"
        ),
        inflects=True,
        native_script_cyrillic=True,
    ),
    "KG": NamePool(
        male=_pairs(
            "Almaz=Алмаз, Bakyt=Бакыт, Nurbek=Нурбек, Talant=Талант, Azamat=Азамат,"
            " Kubanychbek=Кубанычбек, Emil=Эмиль, Ulan=Улан, Chyngyz=Чынгыз, Ruslan=Руслан,"
            " Meder=Медер, Aibek=Айбек"
        ),
        female=_pairs(
            "Aizada=Айзада, Cholpon=Чолпон, Elmira=Эльмира, Gulzat=Гульзат, Nazira=Назира,"
            " Aida=Аида, Begimai=Бегимай, Zhyldyz=Жылдыз, Kanykei=Каныкей, Asel=Асель,"
            " Saikal=Сайкал, Mira=Мира"
        ),
        surnames=_pairs(
            "Abdyldaev=Абдылдаев, Asanov=Асанов, Bakirov=Бакиров, Dzhumaliev=Джумалиев,"
            " Isakov=Исаков, Kadyrov=Кадыров, Mamatov=Маматов, Osmonov=Осмонов,"
            " Sydykov=Сыдыков, Tashiev=Ташиев, Usenov=Усенов, Zhusupov=Жусупов,"
            " Alymbekov=Алымбеков, Beishenaliev=Бейшеналиев, Karimov=Каримов"
        ),
        inflects=True,
        native_script_cyrillic=True,
    ),
    "UZ": NamePool(
        male=_pairs(
            "Akmal=Акмаль, Bakhodir=Баходир, Dilshod=Дилшод, Farrukh=Фаррух, Jasur=Жасур,"
            " Otabek=Отабек, Rustam=Рустам, Sardor=Сардор, Sherzod=Шерзод, Ulugbek=Улугбек,"
            " Aziz=Азиз, Bobur=Бобур"
        ),
        female=_pairs(
            "Dilnoza=Дилноза, Gulnora=Гульнора, Kamola=Камола, Malika=Малика,"
            " Nodira=Нодира, Sevara=Севара, Shakhnoza=Шахноза, Zukhra=Зухра,"
            " Feruza=Феруза, Nigora=Нигора, Madina=Мадина, Lola=Лола"
        ),
        surnames=_pairs(
            "Abdullaev=Абдуллаев, Alimov=Алимов, Khasanov=Хасанов, Ismoilov=Исмоилов,"
            " Karimov=Каримов, Mirzaev=Мирзаев, Nazarov=Назаров, Rakhimov=Рахимов,"
            " Saidov=Саидов, Tursunov=Турсунов, Usmonov=Усмонов, Yusupov=Юсупов,"
            " Ergashev=Эргашев, Kodirov=Кодиров, Sultanov=Султанов"
        ),
        inflects=True,
        native_script_cyrillic=True,
    ),
    "GE": NamePool(
        male=_pairs(
            "Giorgi=Георгий, Levan=Леван, David=Давид, Irakli=Ираклий, Nikoloz=Николоз,"
            " Zurab=Зураб, Tamaz=Тамаз, Lasha=Лаша, Sandro=Сандро, Beka=Бека,"
            " Otar=Отар, Vakhtang=Вахтанг"
        ),
        female=_pairs(
            "Nino=Нино, Tamar=Тамар, Ana=Ана, Mariam=Мариам, Ketevan=Кетеван,"
            " Salome=Саломе, Eka=Эка, Natia=Натия, Manana=Манана, Tinatin=Тинатин,"
            " Lela=Лела, Maia=Майя"
        ),
        surnames=_pairs(
            "Beridze=Беридзе, Kapanadze=Капанадзе, Gelashvili=Гелашвили,"
            " Lomidze=Ломидзе, Tsiklauri=Циклаури, Jgerenaia=Джгеренайя,"
            " Abashidze=Абашидзе, Chkheidze=Чхеидзе, Dolidze=Долидзе,"
            " Gogoladze=Гоголадзе, Khutsishvili=Хуцишвили, Mchedlishvili=Мчедлишвили,"
            " Nozadze=Нозадзе, Shengelia=Шенгелия, Tabatadze=Табатадзе"
        ),
        inflects=False,
        native_script_cyrillic=False,
    ),
    "AM": NamePool(
        male=_pairs(
            "Aram=Арам, Armen=Армен, Davit=Давит, Gevorg=Геворг, Hayk=Айк, Karen=Карен,"
            " Levon=Левон, Narek=Нарек, Ruben=Рубен, Tigran=Тигран, Vahe=Ваге, Suren=Сурен"
        ),
        female=_pairs(
            "Anahit=Анаит, Ani=Ани, Gayane=Гаяне, Karine=Карине, Lilit=Лилит,"
            " Mariam=Мариам, Nune=Нуне, Shushan=Шушан, Siranush=Сирануш, Tatevik=Татевик,"
            " Hasmik=Асмик, Armine=Армине"
        ),
        surnames=_pairs(
            "Avetisyan=Аветисян, Grigoryan=Григорян, Hakobyan=Акопян, Karapetyan=Карапетян,"
            " Khachatryan=Хачатрян, Manukyan=Манукян, Petrosyan=Петросян,"
            " Sargsyan=Саргсян, Vardanyan=Варданян, Zakaryan=Закарян, Gasparyan=Гаспарян,"
            " Harutyunyan=Арутюнян, Mkrtchyan=Мкртчян, Ghazaryan=Казарян, Poghosyan=Погосян"
        ),
        inflects=False,
        native_script_cyrillic=False,
    ),
    "TR": NamePool(
        male=_pairs(
            "Ahmet=Ахмет, Burak=Бурак, Emre=Эмре, Hakan=Хакан, Kemal=Кемаль, Murat=Мурат,"
            " Onur=Онур, Serkan=Серкан, Tolga=Толга, Volkan=Волкан, Yusuf=Юсуф, Cem=Джем"
        ),
        female=_pairs(
            "Ayse=Айше, Elif=Элиф, Esra=Эсра, Fatma=Фатма, Gizem=Гизем, Merve=Мерве,"
            " Selin=Селин, Zeynep=Зейнеп, Deniz=Дениз, Ebru=Эбру, Pinar=Пынар, Sibel=Сибель"
        ),
        surnames=_pairs(
            "Aydin=Айдын, Celik=Челик, Demir=Демир, Erdem=Эрдем, Kaya=Кая, Korkmaz=Коркмаз,"
            " Ozturk=Озтюрк, Polat=Полат, Sahin=Шахин, Tekin=Текин, Yildiz=Йылдыз,"
            " Arslan=Арслан, Dogan=Доган, Kilic=Кылыч, Gunes=Гюнеш"
        ),
        inflects=False,
        native_script_cyrillic=False,
    ),
    "EU": NamePool(
        male=_pairs(
            "Thomas=Томас, Lukas=Лукас, Jan=Ян, Martin=Мартин, Peter=Петер, Marco=Марко,"
            " Pierre=Пьер, Daniel=Даниэль, Jonas=Йонас, Tomasz=Томаш, Andreas=Андреас,"
            " Henrik=Хенрик"
        ),
        female=_pairs(
            "Anna=Анна, Julia=Юлия, Marie=Мари, Sofia=София, Katarina=Катарина,"
            " Eva=Ева, Claire=Клэр, Laura=Лаура, Agnieszka=Агнешка, Ingrid=Ингрид,"
            " Petra=Петра, Lucia=Лючия"
        ),
        surnames=_pairs(
            "Keller=Келлер, Novak=Новак, Dubois=Дюбуа, Jansen=Янсен, Schmidt=Шмидт,"
            " Horvat=Хорват, Lindqvist=Линдквист, Moreau=Моро, Bauer=Бауэр,"
            " Kowalczyk=Ковальчик, Rossi=Росси, Weber=Вебер, Peeters=Петерс,"
            " Hoffmann=Хоффманн, Fischer=Фишер"
        ),
        inflects=False,
        native_script_cyrillic=False,
    ),
}

# Cities of practice, (English, Russian); the first is the likeliest.
PLACES: dict[str, tuple[Pair, ...]] = {
    "RU": _pairs(
        "Moscow=Москва, Saint Petersburg=Санкт-Петербург, Yekaterinburg=Екатеринбург,"
        " Kazan=Казань, Novosibirsk=Новосибирск, Samara=Самара, Tver=Тверь"
    ),
    "KZ": _pairs("Almaty=Алматы, Astana=Астана, Shymkent=Шымкент, Karaganda=Караганда"),
    "KG": _pairs("Bishkek=Бишкек, Osh=Ош, Karakol=Каракол"),
    "UZ": _pairs("Tashkent=Ташкент, Samarkand=Самарканд, Bukhara=Бухара"),
    "GE": _pairs("Tbilisi=Тбилиси, Batumi=Батуми, Kutaisi=Кутаиси"),
    "AM": _pairs("Yerevan=Ереван, Gyumri=Гюмри, Vanadzor=Ванадзор"),
    "TR": _pairs("Istanbul=Стамбул, Ankara=Анкара, Izmir=Измир"),
    "EU": _pairs("Vilnius=Вильнюс, Riga=Рига, Warsaw=Варшава, Prague=Прага, Berlin=Берлин"),
}

COUNTRIES = tuple(NAMES)

# Money: the currency's words, and how many units an ordinary claim of "100" is there.
CURRENCIES: dict[str, tuple[Pair, int]] = {
    "RU": (("RUB", "руб."), 1000),
    "KZ": (("KZT", "тенге"), 5000),
    "KG": (("KGS", "сом"), 1000),
    "UZ": (("UZS", "сум"), 130000),
    "GE": (("GEL", "лари"), 30),
    "AM": (("AMD", "драмов"), 4000),
    "TR": (("TRY", "лир"), 400),
    "EU": (("EUR", "евро"), 10),
}

# The offices a matter goes to; {city} is the city of practice.
AUTHORITIES: dict[str, Pair] = {
    "civil_court": (
        "{city} District Court, civil division",
        "Районный суд г. {city}, гражданская коллегия",
    ),
    "family_court": (
        "{city} District Court, family cases",
        "Районный суд г. {city} (семейные дела)",
    ),
    "labour": ("Labour Inspectorate, {city}", "Инспекция по труду, г. {city}"),
    "consumer": (
        "Consumer Protection Office, {city}",
        "Управление по защите прав потребителей, г. {city}",
    ),
    "notary": ("Notary's office, {city}", "Нотариальная контора, г. {city}"),
    "registry": ("Land and Property Registry, {city}", "Регистрационная служба, г. {city}"),
    "traffic": ("Traffic police, {city}", "Дорожная полиция, г. {city}"),
    "pension": ("Pension Fund, {city} office", "Пенсионный фонд, отделение г. {city}"),
    "insurer": (
        "Insurance company (claims department)",
        "Страховая компания (отдел урегулирования убытков)",
    ),
    "airline": ("Airline customer relations", "Авиакомпания, отдел претензий"),
    "school": ("Private college, {city}", "Частный колледж, г. {city}"),
}


@dataclass(frozen=True)
class Step:
    """One event of a matter's story, `day` days after the matter was opened."""

    day: int
    kind: EventType
    title: Pair
    description: Pair = ("", "")
    with_client: bool = False


@dataclass(frozen=True)
class Matter:
    """An ordinary matter of a small practice: title, office, story, a deadline, a note.

    Texts may use {client} (the client's surname), {amount} (with currency), {item} and
    {other} (the other party's name).
    """

    key: str
    title: Pair
    authority: str
    summary: Pair
    steps: tuple[Step, ...]
    deadline: tuple[int, int, Pair]
    """(index of the step it counts from, days, title)."""
    note: Pair
    tag: Pair
    amount: tuple[int, int]
    """The range of the sum at stake, in "hundreds" of the local currency (see CURRENCIES)."""
    other_role: RoleKind | None = None
    items: tuple[Pair, ...] = ()


M, F, H, D, C, X, A = (
    EventType.MEETING,
    EventType.FILING,
    EventType.HEARING,
    EventType.DECISION,
    EventType.COMMUNICATION,
    EventType.OTHER,
    EventType.APPEAL,
)

MATTERS: tuple[Matter, ...] = (
    Matter(
        "deposit",
        ("{client}: rental deposit not returned", "{client}: не возвращён залог за квартиру"),
        "civil_court",
        (
            "Claim for the return of a rental deposit of {amount}.",
            "Иск о возврате обеспечительного платежа по договору найма, {amount}.",
        ),
        (
            Step(
                0,
                M,
                ("First consultation", "Первая консультация"),
                (
                    "Client brings the lease and bank transfers.",
                    "Клиент принёс договор найма и банковские переводы.",
                ),
                True,
            ),
            Step(
                9,
                C,
                ("Letter to the landlord", "Письмо арендодателю"),
                (
                    "Request to return the deposit within 10 days.",
                    "Требование вернуть залог в течение 10 дней.",
                ),
            ),
            Step(31, F, ("Claim filed", "Подано исковое заявление")),
            Step(74, H, ("Preliminary hearing", "Предварительное заседание")),
        ),
        (3, 21, ("Written comments due", "Срок подачи письменных пояснений")),
        (
            "Photos of the flat at move-out are in the client's phone; ask for copies.",
            "Фото квартиры при выезде есть у клиента в телефоне — попросить копии.",
        ),
        ("housing", "жильё"),
        (6, 30),
        RoleKind.OTHER,
    ),
    Matter(
        "appliance",
        ("{client}: faulty {item}", "{client}: неисправный товар ({item})"),
        "consumer",
        (
            "Complaint against the retailer: warranty repair of the {item} refused twice.",
            "Претензия к продавцу: в гарантийном ремонте ({item}) дважды отказано.",
        ),
        (
            Step(
                0,
                M,
                ("Consultation", "Консультация"),
                ("Receipt and warranty card copied.", "Сняты копии чека и гарантийного талона."),
                True,
            ),
            Step(6, C, ("Complaint sent to the retailer", "Претензия направлена продавцу")),
            Step(20, C, ("Retailer's reply: refusal", "Ответ продавца: отказ")),
            Step(
                27,
                F,
                (
                    "Complaint to the consumer office",
                    "Жалоба в управление по защите прав потребителей",
                ),
            ),
        ),
        (3, 30, ("Consumer office's answer expected", "Ожидается ответ управления")),
        (
            "Independent expert quoted {amount} for the inspection; client agrees.",
            "Независимая экспертиза — {amount}; клиент согласен оплатить.",
        ),
        ("consumer", "потребители"),
        (1, 4),
        items=(
            ("washing machine", "стиральная машина"),
            ("refrigerator", "холодильник"),
            ("laptop", "ноутбук"),
            ("gas boiler", "газовый котёл"),
            ("smartphone", "смартфон"),
        ),
    ),
    Matter(
        "overtime",
        ("{client}: unpaid overtime", "{client}: неоплаченная сверхурочная работа"),
        "labour",
        (
            "Claim for unpaid overtime over three months, about {amount}.",
            "Требование об оплате сверхурочной работы за три месяца, около {amount}.",
        ),
        (
            Step(
                0,
                M,
                ("First consultation", "Первая консультация"),
                (
                    "Timesheets and chat messages with the manager.",
                    "Табели и переписка с руководителем.",
                ),
                True,
            ),
            Step(12, C, ("Letter to the employer", "Письмо работодателю")),
            Step(35, F, ("Complaint to the labour inspectorate", "Жалоба в инспекцию по труду")),
            Step(61, M, ("Meeting with the inspector", "Встреча с инспектором")),
        ),
        (2, 30, ("Inspectorate's decision due", "Срок решения инспекции")),
        (
            "Two colleagues ready to confirm the hours; get their written statements.",
            "Двое коллег готовы подтвердить часы работы — взять письменные объяснения.",
        ),
        ("employment", "трудовое"),
        (2, 12),
        RoleKind.WITNESS,
    ),
    Matter(
        "dismissal",
        ("{client}: dismissal contested", "{client}: восстановление на работе"),
        "civil_court",
        (
            "Claim for reinstatement and pay for the time out of work.",
            "Иск о восстановлении на работе и оплате времени вынужденного прогула.",
        ),
        (
            Step(
                0,
                M,
                ("Consultation", "Консультация"),
                (
                    "Dismissal order and employment contract.",
                    "Приказ об увольнении, трудовой договор.",
                ),
                True,
            ),
            Step(8, F, ("Claim filed", "Подано исковое заявление")),
            Step(40, H, ("Hearing", "Судебное заседание")),
            Step(
                41,
                D,
                ("Hearing adjourned", "Заседание отложено"),
                (
                    "Employer asked for time to bring documents.",
                    "Работодатель попросил время для документов.",
                ),
            ),
        ),
        (3, 28, ("Next hearing", "Следующее заседание")),
        (
            "Client is looking for work; keep copies of job applications for damages.",
            "Клиент ищет работу — сохранять копии откликов для расчёта ущерба.",
        ),
        ("employment", "трудовое"),
        (4, 20),
        RoleKind.OPPOSING_COUNSEL,
    ),
    Matter(
        "inheritance",
        ("{client}: inheritance of a flat", "{client}: наследство, доля в квартире"),
        "notary",
        (
            "Acceptance of an inheritance: a half share of a flat; a second heir disputes it.",
            "Принятие наследства: 1/2 доли в квартире; второй наследник возражает.",
        ),
        (
            Step(
                0,
                M,
                ("Consultation", "Консультация"),
                (
                    "Death certificate, title deed, birth certificates.",
                    "Свидетельство о смерти, документы на квартиру, свидетельства о рождении.",
                ),
                True,
            ),
            Step(14, F, ("Application to the notary", "Заявление нотариусу")),
            Step(45, C, ("Notary asks for the valuation", "Нотариус запросил оценку")),
            Step(70, F, ("Valuation report handed in", "Отчёт об оценке передан")),
        ),
        (
            1,
            180,
            (
                "Six months to accept the inheritance end",
                "Истекает шестимесячный срок принятия наследства",
            ),
        ),
        ("Fee agreed: fixed, {amount}.", "Гонорар: фиксированный, {amount}."),
        ("inheritance", "наследство"),
        (3, 9),
        RoleKind.RELATIVE,
    ),
    Matter(
        "support",
        ("{client}: child support", "{client}: алименты на ребёнка"),
        "family_court",
        (
            "Claim for child support; the father pays irregularly.",
            "Иск о взыскании алиментов; отец платит нерегулярно.",
        ),
        (
            Step(
                0,
                M,
                ("First consultation", "Первая консультация"),
                (
                    "Birth certificate and bank statements.",
                    "Свидетельство о рождении, выписки со счёта.",
                ),
                True,
            ),
            Step(10, F, ("Claim filed", "Подано исковое заявление")),
            Step(38, H, ("Hearing", "Судебное заседание")),
            Step(38, D, ("Support ordered", "Вынесено решение о взыскании алиментов")),
        ),
        (3, 30, ("Appeal period ends", "Истекает срок обжалования")),
        (
            "Ask the client for the father's employer: needed for the enforcement.",
            "Узнать у клиента место работы отца — нужно для исполнения.",
        ),
        ("family", "семейное"),
        (1, 3),
    ),
    Matter(
        "contractor",
        ("{client}: renovation left unfinished", "{client}: недостатки ремонта"),
        "civil_court",
        (
            "Claim against a contractor for defects and an unfinished renovation, {amount}.",
            "Иск к подрядчику о недостатках и незавершённом ремонте, {amount}.",
        ),
        (
            Step(
                0,
                M,
                ("Consultation", "Консультация"),
                (
                    "Contract, estimate, photos of the bathroom.",
                    "Договор подряда, смета, фото ванной.",
                ),
                True,
            ),
            Step(11, C, ("Claim letter to the contractor", "Претензия подрядчику")),
            Step(26, X, ("Expert inspection of the flat", "Осмотр квартиры экспертом")),
            Step(52, F, ("Claim filed", "Подано исковое заявление")),
        ),
        (3, 45, ("Court to set the first hearing", "Суд назначит первое заседание")),
        (
            "Expert's report: tiles laid without waterproofing.",
            "Заключение эксперта: плитка уложена без гидроизоляции.",
        ),
        ("contract", "подряд"),
        (8, 40),
        RoleKind.OTHER,
    ),
    Matter(
        "fine",
        (
            "{client}: speeding fine contested",
            "{client}: обжалование штрафа за превышение скорости",
        ),
        "traffic",
        (
            "Appeal against a speeding fine; the camera photo shows another car.",
            "Жалоба на постановление о штрафе; на фото камеры другой автомобиль.",
        ),
        (
            Step(
                0,
                M,
                ("Consultation", "Консультация"),
                ("Copy of the fine and the camera photo.", "Копия постановления и фото с камеры."),
                True,
            ),
            Step(4, A, ("Appeal lodged", "Подана жалоба")),
            Step(33, C, ("Reply: review under way", "Ответ: жалоба рассматривается")),
        ),
        (1, 30, ("Answer to the appeal due", "Срок ответа на жалобу")),
        (
            "Fine paid at half rate would close it; client prefers to contest.",
            "Можно оплатить со скидкой, но клиент хочет оспорить.",
        ),
        ("administrative", "административное"),
        (0, 1),
    ),
    Matter(
        "insurance",
        ("{client}: car damage claim", "{client}: страховое возмещение за автомобиль"),
        "insurer",
        (
            "The insurer paid less than the repair estimate; claim for the difference of {amount}.",
            "Страховщик выплатил меньше сметы ремонта; требование о доплате {amount}.",
        ),
        (
            Step(
                0,
                M,
                ("Consultation", "Консультация"),
                (
                    "Accident report, policy, repair estimate.",
                    "Извещение о ДТП, полис, смета ремонта.",
                ),
                True,
            ),
            Step(7, C, ("Claim to the insurer", "Претензия страховщику")),
            Step(
                37,
                C,
                ("Insurer's reply", "Ответ страховщика"),
                ("Offers a third of the difference.", "Предлагает треть разницы."),
            ),
        ),
        (2, 20, ("Decide on the insurer's offer", "Решить по предложению страховщика")),
        (
            "Client accepts nothing under 80 % of the difference.",
            "Клиент не согласен менее чем на 80 % разницы.",
        ),
        ("insurance", "страхование"),
        (2, 8),
    ),
    Matter(
        "pension",
        ("{client}: pension recalculation", "{client}: перерасчёт пенсии"),
        "pension",
        (
            "Years worked abroad not counted; application for recalculation.",
            "Не учтён стаж работы за границей; заявление о перерасчёте.",
        ),
        (
            Step(
                0,
                M,
                ("Consultation", "Консультация"),
                (
                    "Employment record book and archive certificates.",
                    "Трудовая книжка, архивные справки.",
                ),
                True,
            ),
            Step(15, F, ("Application for recalculation", "Заявление о перерасчёте")),
            Step(50, C, ("Fund asks for an archive certificate", "Фонд запросил архивную справку")),
        ),
        (2, 30, ("Send the archive certificate", "Направить архивную справку")),
        (
            "Archive answered by e-mail; original on its way by post.",
            "Архив ответил по электронной почте, оригинал идёт почтой.",
        ),
        ("pension", "пенсия"),
        (0, 2),
    ),
    Matter(
        "loan",
        ("{client}: private loan not repaid", "{client}: взыскание долга по расписке"),
        "civil_court",
        (
            "A loan of {amount} between acquaintances, with a signed receipt, not repaid.",
            "Заём {amount} между знакомыми по расписке, не возвращён.",
        ),
        (
            Step(
                0,
                M,
                ("Consultation", "Консультация"),
                ("Original receipt seen; copy kept.", "Оригинал расписки осмотрен, копия в деле."),
                True,
            ),
            Step(6, C, ("Demand letter", "Требование о возврате долга")),
            Step(40, F, ("Claim filed", "Подано исковое заявление")),
            Step(82, H, ("Hearing", "Судебное заседание")),
        ),
        (3, 14, ("Reply to the defendant's objections", "Ответ на возражения ответчика")),
        (
            "Debtor offered to pay in instalments over a year.",
            "Должник предложил рассрочку на год.",
        ),
        ("debt", "долг"),
        (5, 25),
        RoleKind.OTHER,
    ),
    Matter(
        "flooding",
        ("{client}: flat flooded from above", "{client}: залив квартиры соседями"),
        "civil_court",
        (
            "Damage from a burst pipe in the flat above: {amount} by the valuer's report.",
            "Ущерб от прорыва трубы в квартире сверху: {amount} по отчёту оценщика.",
        ),
        (
            Step(
                0,
                M,
                ("Consultation", "Консультация"),
                ("Building manager's report of the leak.", "Акт управляющей компании о заливе."),
                True,
            ),
            Step(9, X, ("Valuer's inspection", "Осмотр оценщиком")),
            Step(24, C, ("Claim letter to the neighbour", "Претензия соседу")),
            Step(48, F, ("Claim filed", "Подано исковое заявление")),
        ),
        (3, 40, ("First hearing", "Первое заседание")),
        (
            "Neighbour's insurer may pay: ask for the policy number.",
            "Возможно, заплатит страховщик соседа — узнать номер полиса.",
        ),
        ("housing", "жильё"),
        (3, 15),
        RoleKind.OTHER,
    ),
    Matter(
        "plot",
        ("{client}: boundary of a garden plot", "{client}: границы садового участка"),
        "registry",
        (
            "Neighbour's fence stands 1.5 m inside the client's plot; correction of the boundary.",
            "Забор соседа стоит на 1,5 м внутри участка клиента; исправление границ.",
        ),
        (
            Step(
                0,
                M,
                ("Consultation", "Консультация"),
                (
                    "Title deed and the old survey plan.",
                    "Свидетельство о собственности и старый межевой план.",
                ),
                True,
            ),
            Step(20, X, ("New survey of the plot", "Новое межевание участка")),
            Step(55, F, ("Application to the registry", "Заявление в регистрационную службу")),
        ),
        (2, 30, ("Registry's decision expected", "Ожидается решение регистрационной службы")),
        (
            "Surveyor's fee {amount}, paid by the client.",
            "Работа кадастрового инженера — {amount}, оплачено клиентом.",
        ),
        ("property", "недвижимость"),
        (1, 3),
        RoleKind.OTHER,
    ),
    Matter(
        "flight",
        ("{client}: delayed flight", "{client}: задержка рейса"),
        "airline",
        (
            "Flight delayed by nine hours; compensation and costs of {amount}.",
            "Рейс задержан на девять часов; компенсация и расходы {amount}.",
        ),
        (
            Step(
                0,
                M,
                ("Consultation", "Консультация"),
                ("Boarding passes and hotel receipt.", "Посадочные талоны и чек гостиницы."),
                True,
            ),
            Step(3, C, ("Claim to the airline", "Претензия авиакомпании")),
            Step(
                34,
                C,
                ("Airline's answer: vouchers offered", "Ответ авиакомпании: предложены ваучеры"),
            ),
        ),
        (2, 14, ("Reply to the airline", "Ответить авиакомпании")),
        ("Client wants money, not vouchers.", "Клиенту нужны деньги, а не ваучеры."),
        ("consumer", "потребители"),
        (1, 4),
    ),
    Matter(
        "tuition",
        ("{client}: tuition refund", "{client}: возврат платы за обучение"),
        "school",
        (
            "Course cancelled after the first month; refund of {amount} refused.",
            "Курс отменён после первого месяца; в возврате {amount} отказано.",
        ),
        (
            Step(
                0,
                M,
                ("Consultation", "Консультация"),
                ("Contract and payment receipts.", "Договор и квитанции об оплате."),
                True,
            ),
            Step(8, C, ("Claim to the college", "Претензия колледжу")),
            Step(29, C, ("College's reply: partial refund", "Ответ колледжа: частичный возврат")),
        ),
        (2, 21, ("Decide whether to go to court", "Решить вопрос об обращении в суд")),
        (
            "Three other students in the same position; one may join.",
            "Ещё трое студентов в том же положении, один готов присоединиться.",
        ),
        ("education", "образование"),
        (2, 6),
    ),
)

# What a matter still open gains as the weeks pass (see decoy.keep_current).
FOLLOW_UPS: tuple[Step, ...] = (
    Step(
        0,
        C,
        ("Call with the client", "Звонок клиенту"),
        ("Update on the state of the matter.", "Рассказал о ходе дела."),
        True,
    ),
    Step(
        0,
        C,
        ("Letter received", "Получено письмо"),
        ("Copy added to the file.", "Копия приобщена к делу."),
    ),
    Step(
        0,
        M,
        ("Meeting with the client", "Встреча с клиентом"),
        ("Went through the next steps.", "Обсудили дальнейшие шаги."),
        True,
    ),
    Step(0, F, ("Documents handed in", "Документы поданы")),
    Step(0, X, ("Copies requested", "Запрошены копии документов")),
)
