<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
    <context>
        <name>AddColleagueDialog</name>
        <message>
            <source>Add a colleague</source>
            <translation>Добавить коллегу</translation>
        </message>
        <message>
            <source>Paste the card your colleague sent you, or load it from a file.</source>
            <translation>Вставьте карточку, которую прислал коллега, или загрузите её из файла.</translation>
        </message>
        <message>
            <source>Card text</source>
            <translation>Текст карточки</translation>
        </message>
        <message>
            <source>Load from file…</source>
            <translation>Загрузить из файла…</translation>
        </message>
        <message>
            <source>Name for this colleague</source>
            <translation>Имя этого коллеги</translation>
        </message>
        <message>
            <source>Name (from the card unless you change it)</source>
            <translation>Имя (из карточки, если не измените)</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Добавить</translation>
        </message>
        <message>
            <source>Open a card</source>
            <translation>Открыть карточку</translation>
        </message>
        <message>
            <source>This file does not hold a card.</source>
            <translation>В этом файле нет карточки.</translation>
        </message>
        <message>
            <source>Card of {0}. Fingerprint:
{1}</source>
            <translation>Карточка: {0}. Отпечаток:
{1}</translation>
        </message>
    </context>
    <context>
        <name>AddPeopleDialog</name>
        <message>
            <source>Add people to the case</source>
            <translation>Добавить людей в дело</translation>
        </message>
        <message>
            <source>&amp;Find or create a person:</source>
            <translation>&amp;Найти или создать человека:</translation>
        </message>
        <message>
            <source>Any name or spelling: Ivanov, Иванов…</source>
            <translation>Любое имя или написание: Иванов, Ivanov…</translation>
        </message>
        <message>
            <source>Find or create a person</source>
            <translation>Найти или создать человека</translation>
        </message>
        <message>
            <source>People found</source>
            <translation>Найденные люди</translation>
        </message>
        <message>
            <source>&amp;Role in the case:</source>
            <translation>&amp;Роль в деле:</translation>
        </message>
        <message>
            <source>Role in the case</source>
            <translation>Роль в деле</translation>
        </message>
        <message>
            <source>&amp;Note on the role:</source>
            <translation>&amp;Примечание к роли:</translation>
        </message>
        <message>
            <source>Role note</source>
            <translation>Примечание к роли</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Добавить</translation>
        </message>
        <message>
            <source>(in this case: %1)</source>
            <translation>(уже в деле: %1)</translation>
        </message>
        <message>
            <source>Create new person “%1”…</source>
            <translation>Создать нового человека «%1»…</translation>
        </message>
        <message>
            <source>Type a name to find or create a person.</source>
            <translation>Введите имя, чтобы найти или создать человека.</translation>
        </message>
        <message>
            <source>Added: %1 — %2</source>
            <translation>Добавлен(а): %1 — %2</translation>
        </message>
        <message>
            <source>%1 people added so far.</source>
            <translation>Всего добавлено: %1.</translation>
        </message>
    </context>
    <context>
        <name>Agenda</name>
        <message>
            <source>Nothing due in these weeks. Deadlines and hearings of every case appear here, overdue first.</source>
            <translation>На эти недели ничего не назначено. Здесь появляются сроки и заседания по всем делам, сначала просроченные.</translation>
        </message>
        <message>
            <source>%1 overdue</source>
            <translation>%1 просроч.</translation>
        </message>
        <message>
            <source>%1 near</source>
            <translation>%1 скоро</translation>
        </message>
        <message>
            <source>Agenda</source>
            <translation>Сроки и заседания</translation>
        </message>
        <message>
            <source>&amp;Weeks ahead:</source>
            <translation>&amp;Недель вперёд:</translation>
        </message>
        <message>
            <source>Weeks ahead</source>
            <translation>Недель вперёд</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Открыть</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Срок</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>Осталось дней</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Дело</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Событие</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Deadlines and hearings</source>
            <translation>Сроки и заседания</translation>
        </message>
        <message>
            <source>Nothing due in the coming weeks and nothing overdue.</source>
            <translation>В ближайшие недели сроков нет, просроченных тоже нет.</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Просрочено</translation>
        </message>
        <message>
            <source>No date yet</source>
            <translation>Дата ещё не известна</translation>
        </message>
        <message>
            <source>Today — %1</source>
            <translation>Сегодня — %1</translation>
        </message>
        <message>
            <source>done</source>
            <translation>выполнено</translation>
        </message>
        <message numerus="yes">
            <source>overdue by %n day(s)</source>
            <translation>
                <numerusform>просрочено на %n день</numerusform>
                <numerusform>просрочено на %n дня</numerusform>
                <numerusform>просрочено на %n дней</numerusform>
            </translation>
        </message>
        <message>
            <source>today</source>
            <translation>сегодня</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>остался %n день</numerusform>
                <numerusform>осталось %n дня</numerusform>
                <numerusform>осталось %n дней</numerusform>
            </translation>
        </message>
        <message>
            <source>Mark &amp;done</source>
            <translation>Отметить &amp;выполненным</translation>
        </message>
        <message>
            <source>Mark &amp;pending</source>
            <translation>Вернуть в &amp;ожидание</translation>
        </message>
        <message>
            <source>All cases timeline</source>
            <translation>Все дела на шкале времени</translation>
        </message>
        <message numerus="yes">
            <source>%1 overdue, %2 due within 3 days, %3 in the next %n week(s)</source>
            <translation>
                <numerusform>просрочено: %1, в ближайшие 3 дня: %2, всего за %n неделю: %3</numerusform>
                <numerusform>просрочено: %1, в ближайшие 3 дня: %2, всего за %n недели: %3</numerusform>
                <numerusform>просрочено: %1, в ближайшие 3 дня: %2, всего за %n недель: %3</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AuditPage</name>
        <message>
            <source>No change matches these filters.</source>
            <translation>Нет изменений, подходящих под эти фильтры.</translation>
        </message>
        <message>
            <source>All cases</source>
            <translation>Все дела</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>Все виды</translation>
        </message>
        <message>
            <source>Anyone</source>
            <translation>Кто угодно</translation>
        </message>
        <message>
            <source>%1 of %2 lines</source>
            <translation>%1 из %2 строк</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Журнал изменений</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>Показать:</translation>
        </message>
        <message>
            <source>Dates:</source>
            <translation>Даты:</translation>
        </message>
        <message>
            <source>From</source>
            <translation>С</translation>
        </message>
        <message>
            <source>to</source>
            <translation>по</translation>
        </message>
        <message>
            <source>Show more</source>
            <translation>Показать ещё</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Кто</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Что</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Дело</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Подробности</translation>
        </message>
    </context>
    <context>
        <name>CaseDialog</name>
        <message>
            <source>New case</source>
            <translation>Новое дело</translation>
        </message>
        <message>
            <source>Edit case: {0}</source>
            <translation>Изменение дела: {0}</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>e.g. the client's name and the matter</source>
            <translation>например, имя клиента и суть дела</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>&amp;Название:</translation>
        </message>
        <message>
            <source>Case type</source>
            <translation>Тип дела</translation>
        </message>
        <message>
            <source>T&amp;ype:</source>
            <translation>&amp;Тип:</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>&amp;Status:</source>
            <translation>&amp;Статус:</translation>
        </message>
        <message>
            <source>Risk level</source>
            <translation>Уровень риска</translation>
        </message>
        <message>
            <source>&amp;Risk:</source>
            <translation>&amp;Риск:</translation>
        </message>
        <message>
            <source>Jurisdiction</source>
            <translation>Юрисдикция</translation>
        </message>
        <message>
            <source>&amp;Jurisdiction:</source>
            <translation>&amp;Юрисдикция:</translation>
        </message>
        <message>
            <source>Court or authority</source>
            <translation>Суд или орган</translation>
        </message>
        <message>
            <source>Court or &amp;authority:</source>
            <translation>Суд или &amp;орган:</translation>
        </message>
        <message>
            <source>Reference numbers</source>
            <translation>Номера дел</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Подпись</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Номер</translation>
        </message>
        <message>
            <source>Add number</source>
            <translation>Добавить номер</translation>
        </message>
        <message>
            <source>Remove number</source>
            <translation>Удалить номер</translation>
        </message>
        <message>
            <source>Reference numbers:</source>
            <translation>Номера дел:</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Метки</translation>
        </message>
        <message>
            <source>Separated by commas</source>
            <translation>Через запятую</translation>
        </message>
        <message>
            <source>Ta&amp;gs:</source>
            <translation>&amp;Метки:</translation>
        </message>
        <message>
            <source>Opened on</source>
            <translation>Открыто</translation>
        </message>
        <message>
            <source>Opened:</source>
            <translation>Открыто:</translation>
        </message>
        <message>
            <source>Closed on</source>
            <translation>Закрыто</translation>
        </message>
        <message>
            <source>Closed:</source>
            <translation>Закрыто:</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Описание</translation>
        </message>
        <message>
            <source>S&amp;ummary:</source>
            <translation>О&amp;писание:</translation>
        </message>
        <message>
            <source>A case needs a title.</source>
            <translation>У дела должно быть название.</translation>
        </message>
        <message>
            <source>Each reference needs a number.</source>
            <translation>У каждой ссылки должен быть номер.</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <source>This case has changes that are not saved. Discard them?</source>
            <translation>В деле есть несохранённые изменения. Отбросить их?</translation>
        </message>
    </context>
    <context>
        <name>CaseLabels</name>
        <message>
            <source>Extradition</source>
            <translation>Экстрадиция</translation>
        </message>
        <message>
            <source>Deportation</source>
            <translation>Депортация</translation>
        </message>
        <message>
            <source>Asylum</source>
            <translation>Убежище</translation>
        </message>
        <message>
            <source>Criminal defence</source>
            <translation>Уголовная защита</translation>
        </message>
        <message>
            <source>Detention review</source>
            <translation>Обжалование задержания</translation>
        </message>
        <message>
            <source>International communication</source>
            <translation>Международная жалоба</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Другое</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Открыто</translation>
        </message>
        <message>
            <source>On hold</source>
            <translation>Приостановлено</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Закрыто</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>Низкий</translation>
        </message>
        <message>
            <source>Medium</source>
            <translation>Средний</translation>
        </message>
        <message>
            <source>High</source>
            <translation>Высокий</translation>
        </message>
        <message>
            <source>Critical</source>
            <translation>Критический</translation>
        </message>
    </context>
    <context>
        <name>CasePeopleTab</name>
        <message>
            <source>&amp;Add people…</source>
            <translation>&amp;Добавить людей…</translation>
        </message>
        <message>
            <source>&amp;Remove role</source>
            <translation>&amp;Убрать роль</translation>
        </message>
        <message>
            <source>People and roles</source>
            <translation>Люди и роли</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Примечание</translation>
        </message>
        <message>
            <source>Remove role</source>
            <translation>Убрать роль</translation>
        </message>
        <message>
            <source>%1 removed as %2 from this case</source>
            <translation>%1 больше не %2 в этом деле</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>Дата рождения</translation>
        </message>
    </context>
    <context>
        <name>CaseSharesBox</name>
        <message>
            <source>Shared with</source>
            <translation>Общий доступ</translation>
        </message>
        <message>
            <source>Share this case with…</source>
            <translation>Поделиться делом с…</translation>
        </message>
        <message>
            <source>Stop sharing</source>
            <translation>Прекратить общий доступ</translation>
        </message>
        <message>
            <source>Colleagues this case is shared with</source>
            <translation>Коллеги, с которыми разделено дело</translation>
        </message>
        <message>
            <source>Send everything again</source>
            <translation>Отправить всё заново</translation>
        </message>
        <message>
            <source>The next bundle to this colleague carries the whole case (a lost one).</source>
            <translation>Следующий пакет этому коллеге понесёт всё дело (если пакет потерялся).</translation>
        </message>
        <message>
            <source>never</source>
            <translation>никогда</translation>
        </message>
        <message>
            <source>{0} — last sent {1}, last received {2}</source>
            <translation>{0} — отправлено {1}, получено {2}</translation>
        </message>
        <message>
            <source>Not shared with anyone.</source>
            <translation>Ни с кем не разделено.</translation>
        </message>
        <message>
            <source>The next bundle to {0} carries the whole case.</source>
            <translation>Следующий пакет для {0} понесёт всё дело.</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <source>← All cases</source>
            <translation>← Все дела</translation>
        </message>
        <message>
            <source>Back to all cases</source>
            <translation>Назад ко всем делам</translation>
        </message>
        <message>
            <source>&amp;Edit case</source>
            <translation>&amp;Изменить дело</translation>
        </message>
        <message>
            <source>C&amp;lose case</source>
            <translation>&amp;Закрыть дело</translation>
        </message>
        <message>
            <source>&amp;History</source>
            <translation>&amp;История</translation>
        </message>
        <message>
            <source>Every change to this case, by whom and when</source>
            <translation>Все изменения дела: кто и когда</translation>
        </message>
        <message>
            <source>Case title</source>
            <translation>Название дела</translation>
        </message>
        <message>
            <source>History…</source>
            <translation>История…</translation>
        </message>
        <message>
            <source>Who changed the selected event, and when</source>
            <translation>Кто и когда менял выбранное событие</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Обзор</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Шкала времени</translation>
        </message>
        <message>
            <source>Chronology</source>
            <translation>Хронология</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Люди</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Документы</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Заметки</translation>
        </message>
        <message>
            <source>Case “%1” changed</source>
            <translation>Дело «%1» изменено</translation>
        </message>
    </context>
    <context>
        <name>CasesModel</name>
        <message>
            <source>Title</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>Риск</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Метки</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>Изменено</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Доверитель</translation>
        </message>
        <message>
            <source>Next deadline</source>
            <translation>Ближайший срок</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>Осталось</translation>
        </message>
        <message>
            <source>due today</source>
            <translation>срок сегодня</translation>
        </message>
    </context>
    <context>
        <name>CasesPage</name>
        <message>
            <source>No case matches these filters. Clear them to see every case.</source>
            <translation>Ни одно дело не подходит под эти фильтры. Сбросьте их, чтобы увидеть все дела.</translation>
        </message>
        <message>
            <source>No cases yet. Create one with New case (Ctrl+N), or open a bundle a colleague sent you under Imports.</source>
            <translation>Дел пока нет. Создайте дело кнопкой «Новое дело» (Ctrl+N) или откройте пакет от коллеги в разделе «Импорт».</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Дела</translation>
        </message>
        <message>
            <source>&amp;New case</source>
            <translation>&amp;Новое дело</translation>
        </message>
        <message>
            <source>Create a case (Ctrl+N)</source>
            <translation>Создать дело (Ctrl+N)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Изменить</translation>
        </message>
        <message>
            <source>C&amp;lose case</source>
            <translation>&amp;Закрыть дело</translation>
        </message>
        <message>
            <source>Filter by title, number or summary (Ctrl+F)</source>
            <translation>Фильтр по названию, номеру или описанию (Ctrl+F)</translation>
        </message>
        <message>
            <source>Filter cases</source>
            <translation>Фильтр дел</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Любой статус</translation>
        </message>
        <message>
            <source>Status filter</source>
            <translation>Фильтр по статусу</translation>
        </message>
        <message>
            <source>Any type</source>
            <translation>Любой тип</translation>
        </message>
        <message>
            <source>Type filter</source>
            <translation>Фильтр по типу</translation>
        </message>
        <message>
            <source>Any risk</source>
            <translation>Любой риск</translation>
        </message>
        <message>
            <source>Risk filter</source>
            <translation>Фильтр по риску</translation>
        </message>
        <message>
            <source>Any tag</source>
            <translation>Любая метка</translation>
        </message>
        <message>
            <source>Tag filter</source>
            <translation>Фильтр по метке</translation>
        </message>
        <message>
            <source>Cases: {0}</source>
            <translation>Дел: {0}</translation>
        </message>
        <message>
            <source>No cases yet. Create one with “New case”.</source>
            <translation>Дел пока нет. Создайте первое кнопкой «Новое дело».</translation>
        </message>
        <message>
            <source>No case matches the filter.</source>
            <translation>Нет дел, подходящих под фильтр.</translation>
        </message>
    </context>
    <context>
        <name>ChangeMenu</name>
        <message>
            <source>Change selected</source>
            <translation>Изменить выбранные</translation>
        </message>
        <message>
            <source>Change the selected events</source>
            <translation>Изменить выбранные события</translation>
        </message>
        <message>
            <source>Change the status, type or people of every selected event</source>
            <translation>Изменить статус, тип или участников всех выбранных событий</translation>
        </message>
        <message>
            <source>Set status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Set type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>Add people…</source>
            <translation>Добавить участников…</translation>
        </message>
        <message>
            <source>Remove people…</source>
            <translation>Убрать участников…</translation>
        </message>
        <message>
            <source>Add people</source>
            <translation>Добавить участников</translation>
        </message>
        <message>
            <source>Tick the people to add to every selected event.</source>
            <translation>Отметьте людей, которых нужно добавить во все выбранные события.</translation>
        </message>
        <message>
            <source>Remove people</source>
            <translation>Убрать участников</translation>
        </message>
        <message>
            <source>Tick the people to remove from every selected event.</source>
            <translation>Отметьте людей, которых нужно убрать из всех выбранных событий.</translation>
        </message>
    </context>
    <context>
        <name>ChronologyModel</name>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Заголовок</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Люди</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Key fact</source>
            <translation>Ключевой факт</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Источник</translation>
        </message>
    </context>
    <context>
        <name>ChronologyPanel</name>
        <message>
            <source>Filter events…</source>
            <translation>Фильтр событий…</translation>
        </message>
        <message>
            <source>Filter events</source>
            <translation>Фильтр событий</translation>
        </message>
        <message>
            <source>All types</source>
            <translation>Все типы</translation>
        </message>
        <message>
            <source>Show events of type</source>
            <translation>Показывать события типа</translation>
        </message>
        <message>
            <source>All events</source>
            <translation>Все события</translation>
        </message>
        <message>
            <source>Key facts</source>
            <translation>Ключевые факты</translation>
        </message>
        <message>
            <source>Disputed</source>
            <translation>Оспариваемые</translation>
        </message>
        <message>
            <source>Deadlines</source>
            <translation>Сроки</translation>
        </message>
        <message>
            <source>Show flagged events</source>
            <translation>Показывать отмеченные события</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Добавить…</translation>
        </message>
        <message>
            <source>Add an event (Ctrl+N)</source>
            <translation>Добавить событие (Ctrl+N)</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Изменить…</translation>
        </message>
        <message>
            <source>Open the selected event (Enter)</source>
            <translation>Открыть выбранное событие (Enter)</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Delete the selected event (Delete)</source>
            <translation>Удалить выбранное событие (Delete)</translation>
        </message>
        <message>
            <source>Earlier</source>
            <translation>Раньше</translation>
        </message>
        <message>
            <source>Move earlier within the same day (Alt+Up)</source>
            <translation>Переместить раньше в пределах дня (Alt+Вверх)</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Позже</translation>
        </message>
        <message>
            <source>Move later within the same day (Alt+Down)</source>
            <translation>Переместить позже в пределах дня (Alt+Вниз)</translation>
        </message>
        <message>
            <source>Chronology</source>
            <translation>Хронология</translation>
        </message>
        <message>
            <source>No case is open.</source>
            <translation>Дело не открыто.</translation>
        </message>
        <message>
            <source>Reading the events…</source>
            <translation>Чтение событий…</translation>
        </message>
        <message>
            <source>No events yet. Add the first one with “Add…” (Ctrl+N).</source>
            <translation>Событий пока нет. Добавьте первое кнопкой «Добавить…» (Ctrl+N).</translation>
        </message>
        <message>
            <source>No event matches the filter.</source>
            <translation>Ни одно событие не подходит под фильтр.</translation>
        </message>
        <message>
            <source>Event “%1” added</source>
            <translation>Событие «%1» добавлено</translation>
        </message>
        <message>
            <source>Event “%1” changed</source>
            <translation>Событие «%1» изменено</translation>
        </message>
        <message>
            <source>Event “%1” (%2) moved to the trash</source>
            <translation>Событие «%1» (%2) перемещено в корзину</translation>
        </message>
        <message>
            <source>Changing the selected events: %1 of %2…</source>
            <translation>Изменение выбранных событий: %1 из %2…</translation>
        </message>
    </context>
    <context>
        <name>CloseCaseDialog</name>
        <message>
            <source>Close case: {0}</source>
            <translation>Закрытие дела: {0}</translation>
        </message>
        <message>
            <source>Close “{0}”? It stays in the vault and can be reopened.</source>
            <translation>Закрыть «{0}»? Дело останется в хранилище, его можно будет открыть снова.</translation>
        </message>
        <message>
            <source>Closing date</source>
            <translation>Дата закрытия</translation>
        </message>
        <message>
            <source>Closed &amp;on:</source>
            <translation>&amp;Дата закрытия:</translation>
        </message>
        <message>
            <source>Close case</source>
            <translation>Закрыть дело</translation>
        </message>
    </context>
    <context>
        <name>ColleaguesPage</name>
        <message>
            <source>Colleagues</source>
            <translation>Коллеги</translation>
        </message>
        <message>
            <source>No colleagues yet. Add one from the card they send you (Add from card…), then check the fingerprint with them by voice before you send them a case.</source>
            <translation>Коллег пока нет. Добавьте коллегу по присланной им карточке («Добавить по карточке…»), затем сверьте с ним отпечаток голосом, прежде чем отправлять ему дело.</translation>
        </message>
        <message>
            <source>My card</source>
            <translation>Моя карточка</translation>
        </message>
        <message>
            <source>Fingerprint (read it aloud to colleagues):</source>
            <translation>Отпечаток (прочитайте его коллегам вслух):</translation>
        </message>
        <message>
            <source>My fingerprint</source>
            <translation>Мой отпечаток</translation>
        </message>
        <message>
            <source>Copy card</source>
            <translation>Копировать карточку</translation>
        </message>
        <message>
            <source>Save card…</source>
            <translation>Сохранить карточку…</translation>
        </message>
        <message>
            <source>Change my name…</source>
            <translation>Изменить моё имя…</translation>
        </message>
        <message>
            <source>My card as a QR code</source>
            <translation>Моя карточка в виде QR-кода</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>Отпечаток</translation>
        </message>
        <message>
            <source>Add from card…</source>
            <translation>Добавить по карточке…</translation>
        </message>
        <message>
            <source>Verify…</source>
            <translation>Проверить…</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>Переименовать…</translation>
        </message>
        <message>
            <source>Remove…</source>
            <translation>Удалить…</translation>
        </message>
        <message>
            <source>Send cases…</source>
            <translation>Отправить дела…</translation>
        </message>
        <message>
            <source>Write an encrypted bundle of cases for colleagues</source>
            <translation>Создать зашифрованный пакет дел для коллег</translation>
        </message>
        <message>
            <source>verified</source>
            <translation>проверен</translation>
        </message>
        <message>
            <source>not verified</source>
            <translation>не проверен</translation>
        </message>
        <message>
            <source>KEY CHANGED</source>
            <translation>КЛЮЧ ИЗМЕНИЛСЯ</translation>
        </message>
        <message>
            <source>{0}: {1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <source>Their keys changed. Previous fingerprint:
{0}
Verify the new one before trusting bundles from them.</source>
            <translation>Их ключи изменились. Прежний отпечаток:
{0}
Проверьте новый, прежде чем доверять их пакетам.</translation>
        </message>
        <message>
            <source>Save my card</source>
            <translation>Сохранить мою карточку</translation>
        </message>
        <message>
            <source>Text files (*.txt)</source>
            <translation>Текстовые файлы (*.txt)</translation>
        </message>
        <message>
            <source>My name</source>
            <translation>Моё имя</translation>
        </message>
        <message>
            <source>Name on my card:</source>
            <translation>Имя в моей карточке:</translation>
        </message>
        <message>
            <source>Keys changed</source>
            <translation>Ключи изменились</translation>
        </message>
        <message>
            <source>The card of {0} carries DIFFERENT keys from the ones you had. Until you verify the new fingerprint, bundles from them are not trusted.</source>
            <translation>В карточке {0} ДРУГИЕ ключи, чем были у вас. Пока вы не проверите новый отпечаток, их пакетам нет доверия.</translation>
        </message>
        <message>
            <source>Rename colleague</source>
            <translation>Переименовать коллегу</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Имя:</translation>
        </message>
        <message>
            <source>Remove colleague</source>
            <translation>Удалить коллегу</translation>
        </message>
        <message>
            <source>Remove {0}? Bundles from them will then show as from an unknown sender.</source>
            <translation>Удалить {0}? Пакеты от этого коллеги будут показаны как от неизвестного отправителя.</translation>
        </message>
        <message>
            <source>Filter by name, in any spelling</source>
            <translation>Фильтр по имени, в любом написании</translation>
        </message>
        <message>
            <source>Filter colleagues</source>
            <translation>Фильтр коллег</translation>
        </message>
    </context>
    <context>
        <name>Confirmations</name>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
    </context>
    <context>
        <name>CreateVaultWizard</name>
        <message>
            <source>Create a Satchel vault</source>
            <translation>Создание хранилища Satchel</translation>
        </message>
        <message>
            <source>&amp;Create vault</source>
            <translation>&amp;Создать хранилище</translation>
        </message>
        <message>
            <source>&amp;Open Satchel</source>
            <translation>&amp;Открыть Satchel</translation>
        </message>
        <message>
            <source>Recovery code not confirmed</source>
            <translation>Код восстановления не подтверждён</translation>
        </message>
        <message>
            <source>The vault has been created. Without the recovery code you cannot get back in if you forget the passphrase. Close anyway?</source>
            <translation>Хранилище создано. Без кода восстановления вы не сможете войти, если забудете парольную фразу. Всё равно закрыть?</translation>
        </message>
    </context>
    <context>
        <name>DateEditorBox</name>
        <message>
            <source>Event date</source>
            <translation>Дата события</translation>
        </message>
    </context>
    <context>
        <name>DecoyBanner</name>
        <message>
            <source>This is the decoy: what the duress passphrase opens. Change it as you like; lock (Ctrl+Shift+L) to go back to the unlock screen.</source>
            <translation>Это приманка — то, что открывает фраза под принуждением. Меняйте её как угодно; заблокируйте (Ctrl+Shift+L), чтобы вернуться к экрану разблокировки.</translation>
        </message>
        <message>
            <source>Satchel — decoy</source>
            <translation>Satchel — приманка</translation>
        </message>
    </context>
    <context>
        <name>DocumentViewer</name>
        <message>
            <source>Previous page</source>
            <translation>Предыдущая страница</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Следующая страница</translation>
        </message>
        <message>
            <source>Page</source>
            <translation>Страница</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Увеличить</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Уменьшить</translation>
        </message>
        <message>
            <source>Fit width</source>
            <translation>По ширине</translation>
        </message>
        <message>
            <source>Document text</source>
            <translation>Текст документа</translation>
        </message>
        <message>
            <source>Document page</source>
            <translation>Страница документа</translation>
        </message>
        <message>
            <source>This kind of file (%1) cannot be shown inside Satchel. Use “Export copy…” to open it in another program.</source>
            <translation>Файл этого типа (%1) нельзя показать внутри Satchel. Чтобы открыть его в другой программе, используйте «Экспортировать копию…».</translation>
        </message>
        <message>
            <source>This file is too large to show here. Use “Export copy…” instead.</source>
            <translation>Файл слишком велик, чтобы показать его здесь. Используйте «Экспортировать копию…».</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Чтение…</translation>
        </message>
        <message>
            <source>The image could not be read; it may be damaged.</source>
            <translation>Не удалось прочитать изображение; возможно, оно повреждено.</translation>
        </message>
        <message>
            <source>The PDF could not be opened; it may be damaged or password-protected.</source>
            <translation>Не удалось открыть PDF; возможно, он повреждён или защищён паролем.</translation>
        </message>
        <message>
            <source>Page %1 of this PDF could not be shown; it may be damaged.</source>
            <translation>Страницу %1 этого PDF не удалось показать; возможно, она повреждена.</translation>
        </message>
        <message>
            <source>of %1</source>
            <translation>из %1</translation>
        </message>
    </context>
    <context>
        <name>DocumentViewerDialog</name>
        <message>
            <source>Export copy…</source>
            <translation>Экспортировать копию…</translation>
        </message>
        <message>
            <source>Export copy</source>
            <translation>Экспорт копии</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
    </context>
    <context>
        <name>DocumentsModel</name>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Размер</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Получен</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>Provenance</source>
            <translation>Происхождение</translation>
        </message>
    </context>
    <context>
        <name>DocumentsPanel</name>
        <message>
            <source>No documents yet. Add files, or drop them here: they are stored encrypted inside the vault.</source>
            <translation>Документов пока нет. Добавьте файлы или перетащите их сюда: они хранятся в хранилище в зашифрованном виде.</translation>
        </message>
        <message>
            <source>Add files…</source>
            <translation>Добавить файлы…</translation>
        </message>
        <message>
            <source>Add files (Ctrl+O), or drop them here</source>
            <translation>Добавить файлы (Ctrl+O) или перетащить их сюда</translation>
        </message>
        <message>
            <source>View</source>
            <translation>Просмотр</translation>
        </message>
        <message>
            <source>Show the selected document (Enter)</source>
            <translation>Показать выбранный документ (Enter)</translation>
        </message>
        <message>
            <source>Export copy…</source>
            <translation>Экспортировать копию…</translation>
        </message>
        <message>
            <source>Save an unencrypted copy (Ctrl+E)</source>
            <translation>Сохранить незашифрованную копию (Ctrl+E)</translation>
        </message>
        <message>
            <source>Details…</source>
            <translation>Сведения…</translation>
        </message>
        <message>
            <source>Change the date received and the provenance</source>
            <translation>Изменить дату получения и происхождение</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Move the selected document to the trash (Delete; Ctrl+Z undoes)</source>
            <translation>Переместить выбранный документ в корзину (Delete; Ctrl+Z отменяет)</translation>
        </message>
        <message>
            <source>History…</source>
            <translation>История…</translation>
        </message>
        <message>
            <source>Who changed this document, and when</source>
            <translation>Кто и когда менял этот документ</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Документы</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>SHA-256 of the selected document</source>
            <translation>SHA-256 выбранного документа</translation>
        </message>
        <message>
            <source>Provenance</source>
            <translation>Происхождение</translation>
        </message>
        <message>
            <source>Supports</source>
            <translation>Подтверждает</translation>
        </message>
        <message>
            <source>No case is open.</source>
            <translation>Дело не открыто.</translation>
        </message>
        <message>
            <source>No documents yet. Add files with “Add files…” or drop them here.</source>
            <translation>Документов пока нет. Добавьте файлы кнопкой «Добавить файлы…» или перетащите их сюда.</translation>
        </message>
        <message>
            <source>Drop files here to add them.</source>
            <translation>Перетащите файлы сюда, чтобы добавить их.</translation>
        </message>
        <message>
            <source>Add documents</source>
            <translation>Добавление документов</translation>
        </message>
        <message>
            <source>Adding documents…</source>
            <translation>Добавление документов…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Cancelled. The file being added was not kept.</source>
            <translation>Отменено. Файл, который добавлялся, не сохранён.</translation>
        </message>
        <message>
            <source>Export an unencrypted copy</source>
            <translation>Экспорт незашифрованной копии</translation>
        </message>
        <message>
            <source>The copy of “%1” will NOT be encrypted.</source>
            <translation>Копия «%1» НЕ будет зашифрована.</translation>
        </message>
        <message>
            <source>Anyone who can read the place you save it to can read the document. Prefer the viewer inside Satchel; delete the copy when you no longer need it.</source>
            <translation>Любой, кто может читать место, куда вы её сохраните, сможет прочитать документ. По возможности пользуйтесь просмотром внутри Satchel; удалите копию, когда она станет не нужна.</translation>
        </message>
        <message>
            <source>Choose where…</source>
            <translation>Выбрать место…</translation>
        </message>
        <message>
            <source>Export copy</source>
            <translation>Экспорт копии</translation>
        </message>
        <message>
            <source>Exporting a copy…</source>
            <translation>Экспорт копии…</translation>
        </message>
        <message>
            <source>Cancelled. No file was written.</source>
            <translation>Отменено. Файл не записан.</translation>
        </message>
        <message>
            <source>“%1” (%2) moved to the trash</source>
            <translation>«%1» (%2) перемещён в корзину</translation>
        </message>
    </context>
    <context>
        <name>DraftOffer</name>
        <message>
            <source>Unsaved form</source>
            <translation>Несохранённая форма</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Восстановить</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Отбросить</translation>
        </message>
        <message>
            <source>Decide later</source>
            <translation>Решить позже</translation>
        </message>
        <message>
            <source>A form was open when Satchel locked, but its draft cannot be read.</source>
            <translation>Когда Satchel заблокировался, была открыта форма, но её черновик прочитать нельзя.</translation>
        </message>
        <message>
            <source>It was kept by another version of Satchel.</source>
            <translation>Его сохранила другая версия Satchel.</translation>
        </message>
        <message>
            <source>Restore it to go on where you were, or discard what you typed.</source>
            <translation>Восстановите, чтобы продолжить с того же места, или отбросьте набранное.</translation>
        </message>
        <message>
            <source>It has been changed since then. Restore shows your typed values over the current ones; saving replaces them.</source>
            <translation>С тех пор запись изменилась. При восстановлении набранное вами встанет поверх текущих значений; сохранение заменит их.</translation>
        </message>
        <message>
            <source>It has been deleted since then. Restore makes a new one from it.</source>
            <translation>С тех пор запись удалена. При восстановлении из набранного будет создана новая.</translation>
        </message>
        <message>
            <source>What it belonged to has been deleted since then: only discard.</source>
            <translation>То, к чему относилась форма, с тех пор удалено: остаётся только удалить черновик.</translation>
        </message>
        <message>
            <source>The files it was for are no longer where they were.</source>
            <translation>Файлов, к которым относилась форма, больше нет на прежнем месте.</translation>
        </message>
        <message>
            <source>You were editing {0} when Satchel locked.</source>
            <translation>Когда Satchel заблокировался, вы редактировали {0}.</translation>
        </message>
        <message>
            <source>The form could not be opened again.</source>
            <translation>Форму не удалось открыть снова.</translation>
        </message>
        <message>
            <source>The draft is kept; Satchel offers it again after the next unlock.</source>
            <translation>Черновик сохранён; Satchel предложит его снова после следующей разблокировки.</translation>
        </message>
        <message>
            <source>a new event “{0}”</source>
            <translation>новое событие «{0}»</translation>
        </message>
        <message>
            <source>a new event</source>
            <translation>новое событие</translation>
        </message>
        <message>
            <source>the event “{0}”</source>
            <translation>событие «{0}»</translation>
        </message>
        <message>
            <source>a new note</source>
            <translation>новую заметку</translation>
        </message>
        <message>
            <source>a new note “{0}”</source>
            <translation>новую заметку «{0}»</translation>
        </message>
        <message>
            <source>the note “{0}”</source>
            <translation>заметку «{0}»</translation>
        </message>
        <message>
            <source>a new person “{0}”</source>
            <translation>карточку нового человека «{0}»</translation>
        </message>
        <message>
            <source>a new person</source>
            <translation>карточку нового человека</translation>
        </message>
        <message>
            <source>the person “{0}”</source>
            <translation>карточку человека «{0}»</translation>
        </message>
        <message>
            <source>a new case</source>
            <translation>новое дело</translation>
        </message>
        <message>
            <source>a new case “{0}”</source>
            <translation>новое дело «{0}»</translation>
        </message>
        <message>
            <source>the case “{0}”</source>
            <translation>дело «{0}»</translation>
        </message>
        <message>
            <source>the closing of the case “{0}”</source>
            <translation>закрытие дела «{0}»</translation>
        </message>
        <message>
            <source>a person's role in the case “{0}”</source>
            <translation>роль человека в деле «{0}»</translation>
        </message>
        <message>
            <source>the details of the document “{0}”</source>
            <translation>сведения о документе «{0}»</translation>
        </message>
        <message>
            <source>the details of new documents</source>
            <translation>сведения о новых документах</translation>
        </message>
        <message>
            <source>a colleague's card</source>
            <translation>карточку коллеги</translation>
        </message>
        <message>
            <source>the sending of cases</source>
            <translation>отправку дел</translation>
        </message>
        <message>
            <source>the security settings</source>
            <translation>настройки безопасности</translation>
        </message>
        <message>
            <source>the settings</source>
            <translation>настройки</translation>
        </message>
        <message>
            <source>the options of a chronology report</source>
            <translation>параметры отчёта по хронологии</translation>
        </message>
        <message>
            <source>a form</source>
            <translation>форму</translation>
        </message>
    </context>
    <context>
        <name>EventDetail</name>
        <message>
            <source>b. %1</source>
            <translation>род. %1</translation>
        </message>
        <message>
            <source>known to the year</source>
            <translation>известен только год</translation>
        </message>
        <message>
            <source>known to the month</source>
            <translation>известен месяц</translation>
        </message>
        <message>
            <source>known to the day</source>
            <translation>известен день</translation>
        </message>
        <message>
            <source>known to the minute</source>
            <translation>известно время</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Срок</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Источник</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Цитата</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Люди</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Документы</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Заметки</translation>
        </message>
        <message>
            <source>Selected event</source>
            <translation>Выбранное событие</translation>
        </message>
        <message>
            <source>%1 events selected: change them all at once with “Change selected”.</source>
            <translation>Выбрано событий: %1. Изменить их все сразу можно кнопкой «Изменить выбранные».</translation>
        </message>
        <message>
            <source>Select an event to read it here in full.</source>
            <translation>Выберите событие, чтобы прочитать его здесь целиком.</translation>
        </message>
        <message>
            <source>key fact</source>
            <translation>ключевой факт</translation>
        </message>
        <message>
            <source>due today</source>
            <translation>срок сегодня</translation>
        </message>
    </context>
    <context>
        <name>EventDialog</name>
        <message>
            <source>New event</source>
            <translation>Новое событие</translation>
        </message>
        <message>
            <source>&amp;Type</source>
            <translation>&amp;Тип</translation>
        </message>
        <message>
            <source>T&amp;itle</source>
            <translation>&amp;Заголовок</translation>
        </message>
        <message>
            <source>&amp;Date</source>
            <translation>&amp;Дата</translation>
        </message>
        <message>
            <source>D&amp;escription</source>
            <translation>&amp;Описание</translation>
        </message>
        <message>
            <source>&amp;People involved</source>
            <translation>&amp;Участники</translation>
        </message>
        <message>
            <source>Doc&amp;uments</source>
            <translation>Доку&amp;менты</translation>
        </message>
        <message>
            <source>&amp;Key fact</source>
            <translation>&amp;Ключевой факт</translation>
        </message>
        <message>
            <source>&amp;Status</source>
            <translation>&amp;Статус</translation>
        </message>
        <message>
            <source>S&amp;ource</source>
            <translation>&amp;Источник</translation>
        </message>
        <message>
            <source>&amp;Quote from the source</source>
            <translation>&amp;Цитата из источника</translation>
        </message>
        <message>
            <source>This is a key fact of the case</source>
            <translation>Это ключевой факт дела</translation>
        </message>
        <message>
            <source>What happened, in a few words</source>
            <translation>Что произошло, в нескольких словах</translation>
        </message>
        <message>
            <source>e.g. court decision of 14 Aug, p. 3</source>
            <translation>например, решение суда от 14 авг., с. 3</translation>
        </message>
        <message>
            <source>Deadline status</source>
            <translation>Статус срока</translation>
        </message>
        <message>
            <source>Remind days before</source>
            <translation>Напомнить за (дней)</translation>
        </message>
        <message>
            <source>No reminder</source>
            <translation>Без напоминания</translation>
        </message>
        <message>
            <source>Computed from</source>
            <translation>Исчисляется от</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Процессуальный срок</translation>
        </message>
        <message>
            <source>P&amp;roceeding</source>
            <translation>&amp;Производство</translation>
        </message>
        <message>
            <source>Add people…</source>
            <translation>Добавить людей…</translation>
        </message>
        <message>
            <source>Which proceeding, e.g. the criminal case at home or the extradition abroad</source>
            <translation>Какое производство: например, уголовное дело на родине или экстрадиция за рубежом</translation>
        </message>
        <message>
            <source>Period after that event</source>
            <translation>Продолжительность срока</translation>
        </message>
        <message>
            <source>Last day on a day off</source>
            <translation>Если последний день нерабочий</translation>
        </message>
        <message>
            <source>Public holidays of another country</source>
            <translation>Праздники другой страны</translation>
        </message>
        <message>
            <source>Not computed: use the date above</source>
            <translation>Не исчисляется: дата указана выше</translation>
        </message>
        <message>
            <source>Event type</source>
            <translation>Тип события</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Заголовок</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Описание</translation>
        </message>
        <message>
            <source>People involved</source>
            <translation>Участники</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Документы</translation>
        </message>
        <message>
            <source>Status of the fact</source>
            <translation>Статус факта</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Источник</translation>
        </message>
        <message>
            <source>Proceeding</source>
            <translation>Производство</translation>
        </message>
        <message>
            <source>Quote from the source</source>
            <translation>Цитата из источника</translation>
        </message>
        <message>
            <source>Counted in</source>
            <translation>Единица счёта</translation>
        </message>
        <message>
            <source>Country whose public holidays count</source>
            <translation>Страна, чьи праздники учитываются</translation>
        </message>
        <message>
            <source>Event: %1</source>
            <translation>Событие: %1</translation>
        </message>
        <message>
            <source>That event is undated, so the deadline cannot be computed yet.</source>
            <translation>У того события нет даты, поэтому срок пока нельзя исчислить.</translation>
        </message>
        <message>
            <source>Due: %1</source>
            <translation>Срок: %1</translation>
        </message>
        <message>
            <source>Rolled over: %1</source>
            <translation>Перенос: %1</translation>
        </message>
        <message>
            <source>An event needs a title.</source>
            <translation>У события должен быть заголовок.</translation>
        </message>
        <message>
            <source>This is not a valid date: %1</source>
            <translation>Это недопустимая дата: %1</translation>
        </message>
        <message>
            <source>The event it is computed from has no date yet.</source>
            <translation>У события, от которого исчисляется срок, ещё нет даты.</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <source>This event has changes that are not saved.</source>
            <translation>В этом событии есть несохранённые изменения.</translation>
        </message>
    </context>
    <context>
        <name>EventLabels</name>
        <message>
            <source>Criminal case opened</source>
            <translation>Возбуждение уголовного дела</translation>
        </message>
        <message>
            <source>Wanted notice / Interpol notice</source>
            <translation>Объявление в розыск / уведомление Интерпола</translation>
        </message>
        <message>
            <source>Arrest in absentia</source>
            <translation>Заочный арест</translation>
        </message>
        <message>
            <source>Arrest</source>
            <translation>Арест</translation>
        </message>
        <message>
            <source>Detention</source>
            <translation>Содержание под стражей</translation>
        </message>
        <message>
            <source>Hearing</source>
            <translation>Заседание</translation>
        </message>
        <message>
            <source>Filing</source>
            <translation>Подача документа</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Решение</translation>
        </message>
        <message>
            <source>Appeal</source>
            <translation>Обжалование</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Срок</translation>
        </message>
        <message>
            <source>Extradition request</source>
            <translation>Запрос об экстрадиции</translation>
        </message>
        <message>
            <source>Asylum application</source>
            <translation>Ходатайство об убежище</translation>
        </message>
        <message>
            <source>Deportation</source>
            <translation>Депортация</translation>
        </message>
        <message>
            <source>Release</source>
            <translation>Освобождение</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Встреча</translation>
        </message>
        <message>
            <source>Communication</source>
            <translation>Переписка</translation>
        </message>
        <message>
            <source>Travel</source>
            <translation>Поездка</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Другое</translation>
        </message>
        <message>
            <source>Undisputed</source>
            <translation>Не оспаривается</translation>
        </message>
        <message>
            <source>Disputed by us</source>
            <translation>Оспаривается нами</translation>
        </message>
        <message>
            <source>Disputed by the other side</source>
            <translation>Оспаривается другой стороной</translation>
        </message>
        <message>
            <source>Unsure</source>
            <translation>Не подтверждено</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Ожидает</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Выполнено</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>Пропущено</translation>
        </message>
        <message>
            <source>On</source>
            <translation>Точно</translation>
        </message>
        <message>
            <source>Around</source>
            <translation>Около</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>До</translation>
        </message>
        <message>
            <source>After</source>
            <translation>После</translation>
        </message>
        <message>
            <source>Between</source>
            <translation>Между</translation>
        </message>
        <message>
            <source>From – to</source>
            <translation>С – по</translation>
        </message>
        <message>
            <source>Undated (TBD)</source>
            <translation>Без даты (уточняется)</translation>
        </message>
    </context>
    <context>
        <name>ExchangeFolderBox</name>
        <message>
            <source>Exchange folder</source>
            <translation>Папка обмена</translation>
        </message>
        <message>
            <source>A folder that Syncthing, Nextcloud, a network share or a USB stick keeps in common with colleagues. While Satchel is unlocked it writes the changes of shared cases there and picks up bundles addressed to you.</source>
            <translation>Папка, которую Syncthing, Nextcloud, сетевой диск или флешка делают общей с коллегами. Пока Satchel разблокирован, он пишет туда изменения общих дел и забирает пакеты, адресованные вам.</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Выбрать…</translation>
        </message>
        <message>
            <source>Stop using it</source>
            <translation>Не использовать</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Синхронизировать</translation>
        </message>
        <message>
            <source>Import bundles from verified colleagues by themselves when they hold no conflict</source>
            <translation>Загружать пакеты проверенных коллег без подтверждения, если в них нет конфликтов</translation>
        </message>
        <message>
            <source>Remove my bundles after</source>
            <translation>Удалять мои пакеты через</translation>
        </message>
        <message>
            <source> days</source>
            <translation> дн.</translation>
        </message>
        <message>
            <source>Bundles waiting in the exchange folder</source>
            <translation>Пакеты, ожидающие в папке обмена</translation>
        </message>
        <message>
            <source>Nothing waits in the exchange folder.</source>
            <translation>В папке обмена ничего не ждёт.</translation>
        </message>
        <message>
            <source>Verify and preview…</source>
            <translation>Проверить и просмотреть…</translation>
        </message>
        <message>
            <source>Remove without importing</source>
            <translation>Удалить без импорта</translation>
        </message>
        <message>
            <source>No exchange folder is set.</source>
            <translation>Папка обмена не задана.</translation>
        </message>
        <message>
            <source>a colleague whose fingerprint you have not verified</source>
            <translation>коллега, чей отпечаток вы не проверили</translation>
        </message>
        <message>
            <source>a colleague whose key changed</source>
            <translation>коллега, чей ключ изменился</translation>
        </message>
        <message>
            <source>an unknown sender</source>
            <translation>неизвестный отправитель</translation>
        </message>
        <message>
            <source>not signed for you</source>
            <translation>подписан не для вас</translation>
        </message>
        <message>
            <source>holds conflicts</source>
            <translation>есть конфликты</translation>
        </message>
        <message>
            <source>brings a case that is not on this computer (travel mode)</source>
            <translation>приносит дело, которого нет на этом компьютере (режим поездки)</translation>
        </message>
        <message>
            <source>automatic import is off</source>
            <translation>автоматический импорт выключен</translation>
        </message>
        <message>
            <source>damaged or altered: it cannot be imported</source>
            <translation>повреждён или изменён: импортировать нельзя</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>неизвестно</translation>
        </message>
        <message>
            <source>From {0} — {1}</source>
            <translation>От {0} — {1}</translation>
        </message>
        <message>
            <source>Choose the exchange folder</source>
            <translation>Выберите папку обмена</translation>
        </message>
        <message>
            <source>Looking at the exchange folder…</source>
            <translation>Просматриваю папку обмена…</translation>
        </message>
        <message>
            <source>{0} sent</source>
            <translation>отправлено: {0}</translation>
        </message>
        <message>
            <source>{0} imported</source>
            <translation>импортировано: {0}</translation>
        </message>
        <message>
            <source>{0} waiting</source>
            <translation>ожидает: {0}</translation>
        </message>
        <message>
            <source>{0} rejected</source>
            <translation>отклонено: {0}</translation>
        </message>
        <message>
            <source>{0} still being written</source>
            <translation>ещё записывается: {0}</translation>
        </message>
        <message>
            <source>Last pass: {0}.</source>
            <translation>Последний проход: {0}.</translation>
        </message>
        <message>
            <source>Last pass: nothing to send or take in.</source>
            <translation>Последний проход: нечего отправить или забрать.</translation>
        </message>
        <message>
            <source>This bundle is from {0}, who is not a verified colleague.

Fingerprint:
{1}

Compare the fingerprint with the sender by phone or in person before opening it. Verify and preview it now? Nothing is imported yet.</source>
            <translation>Этот пакет от {0}, а это не проверенный коллега.

Отпечаток:
{1}

Прежде чем открывать пакет, сверьте отпечаток с отправителем по телефону или при встрече. Проверить и просмотреть его сейчас? Пока ничего не импортируется.</translation>
        </message>
        <message>
            <source>Sender not verified</source>
            <translation>Отправитель не проверен</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Send cases</source>
            <translation>Отправить дела</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Дела</translation>
        </message>
        <message>
            <source>Cases to send</source>
            <translation>Дела для отправки</translation>
        </message>
        <message>
            <source>Include documents</source>
            <translation>Включить документы</translation>
        </message>
        <message>
            <source>Include notes</source>
            <translation>Включить заметки</translation>
        </message>
        <message>
            <source>Recipients</source>
            <translation>Получатели</translation>
        </message>
        <message>
            <source>Colleagues (and me, so I can reopen it)</source>
            <translation>Коллеги (и я сам, чтобы открыть пакет снова)</translation>
        </message>
        <message>
            <source>A one-time passphrase, for someone without Satchel</source>
            <translation>Одноразовая парольная фраза — для того, у кого нет Satchel</translation>
        </message>
        <message>
            <source>Colleagues to send to</source>
            <translation>Коллеги-получатели</translation>
        </message>
        <message>
            <source>(not verified)</source>
            <translation>(не проверен)</translation>
        </message>
        <message>
            <source>One-time passphrase</source>
            <translation>Одноразовая парольная фраза</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Копировать</translation>
        </message>
        <message>
            <source>Give the passphrase by another channel than the file (a call, in person). It is not stored anywhere.</source>
            <translation>Передайте парольную фразу другим путём, не вместе с файлом (звонком, лично). Она нигде не сохраняется.</translation>
        </message>
        <message>
            <source>What the bundle holds</source>
            <translation>Что будет в пакете</translation>
        </message>
        <message>
            <source>Bundle file</source>
            <translation>Файл пакета</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Выбрать…</translation>
        </message>
        <message>
            <source>Write bundle</source>
            <translation>Записать пакет</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Choose at least one case.</source>
            <translation>Выберите хотя бы одно дело.</translation>
        </message>
        <message>
            <source>{0} case(s), {1} people, {2} roles, {3} events, {4} notes, {5} documents ({6})</source>
            <translation>Дел: {0}, людей: {1}, ролей: {2}, событий: {3}, заметок: {4}, документов: {5} ({6})</translation>
        </message>
        <message>
            <source>Write the bundle to</source>
            <translation>Куда записать пакет</translation>
        </message>
        <message>
            <source>Satchel bundles (*.satchel)</source>
            <translation>Пакеты Satchel (*.satchel)</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>Запись…</translation>
        </message>
        <message>
            <source>Wrote {0}.</source>
            <translation>Записано: {0}.</translation>
        </message>
        <message>
            <source>One-time passphrase: {0}</source>
            <translation>Одноразовая парольная фраза: {0}</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Отмена…</translation>
        </message>
    </context>
    <context>
        <name>FuzzyDateEdit</name>
        <message>
            <source>Date kind</source>
            <translation>Вид даты</translation>
        </message>
        <message>
            <source>Date as typed</source>
            <translation>Дата, как её написали</translation>
        </message>
        <message>
            <source>e.g. 14.03.2025, March 2025, ~2019, before 3 Mar 2024, 3–10.03.2024</source>
            <translation>например, 14.03.2025, март 2025, ~2019, до 3 марта 2024, 3–10.03.2024</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>По полям</translation>
        </message>
        <message>
            <source>Choose the kind and the dates field by field</source>
            <translation>Выбрать вид даты и сами даты по полям</translation>
        </message>
        <message>
            <source>Date details</source>
            <translation>Дата по полям</translation>
        </message>
        <message>
            <source>Date as it will be shown</source>
            <translation>Дата так, как она будет показана</translation>
        </message>
        <message>
            <source>and</source>
            <translation>и</translation>
        </message>
        <message>
            <source>to</source>
            <translation>по</translation>
        </message>
        <message>
            <source>Shown as: %1</source>
            <translation>Будет показано: %1</translation>
        </message>
        <message>
            <source>Not a valid date yet: %1</source>
            <translation>Дата пока недопустима: %1</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>History</source>
            <translation>История</translation>
        </message>
    </context>
    <context>
        <name>HistoryView</name>
        <message>
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Кто</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Что</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Подробности</translation>
        </message>
    </context>
    <context>
        <name>ImportsPage</name>
        <message>
            <source>Imports</source>
            <translation>Импорт</translation>
        </message>
        <message>
            <source>Open a bundle (.satchel) a colleague sent you: what it would add or change is shown here before anything is imported.</source>
            <translation>Откройте пакет (.satchel), присланный коллегой: здесь будет показано, что он добавит или изменит, прежде чем что-либо будет импортировано.</translation>
        </message>
        <message>
            <source>No conflicts to review.</source>
            <translation>Конфликтов для разбора нет.</translation>
        </message>
        <message>
            <source>Open a bundle…</source>
            <translation>Открыть пакет…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Bundle</source>
            <translation>Пакет</translation>
        </message>
        <message>
            <source>What importing would change</source>
            <translation>Что изменит импорт</translation>
        </message>
        <message>
            <source>I checked the sender's fingerprint another way and want to import anyway</source>
            <translation>Я проверил(а) отпечаток отправителя другим способом и всё равно хочу импортировать</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Импортировать</translation>
        </message>
        <message>
            <source>Conflicts to review</source>
            <translation>Конфликты для разбора</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Конфликты</translation>
        </message>
        <message>
            <source>Take</source>
            <translation>Взять</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Поле</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>Моё</translation>
        </message>
        <message>
            <source>Incoming</source>
            <translation>Входящее</translation>
        </message>
        <message>
            <source>Mine and incoming, side by side</source>
            <translation>Моё и входящее рядом</translation>
        </message>
        <message>
            <source>Keep mine</source>
            <translation>Оставить моё</translation>
        </message>
        <message>
            <source>Take incoming</source>
            <translation>Взять входящее</translation>
        </message>
        <message>
            <source>Merge ticked fields</source>
            <translation>Объединить отмеченные поля</translation>
        </message>
        <message>
            <source>Open a bundle</source>
            <translation>Открыть пакет</translation>
        </message>
        <message>
            <source>Satchel bundles (*.satchel);;All (*)</source>
            <translation>Пакеты Satchel (*.satchel);;Все (*)</translation>
        </message>
        <message>
            <source>Cannot read this file.</source>
            <translation>Не удаётся прочитать этот файл.</translation>
        </message>
        <message>
            <source>Bundle passphrase</source>
            <translation>Парольная фраза пакета</translation>
        </message>
        <message>
            <source>This bundle is locked with a one-time passphrase:</source>
            <translation>Пакет защищён одноразовой парольной фразой:</translation>
        </message>
        <message>
            <source>Verifying the bundle…</source>
            <translation>Проверка пакета…</translation>
        </message>
        <message>
            <source>sent by this vault</source>
            <translation>отправлен из этого хранилища</translation>
        </message>
        <message>
            <source>verified colleague</source>
            <translation>проверенный коллега</translation>
        </message>
        <message>
            <source>colleague NOT verified</source>
            <translation>коллега НЕ проверен</translation>
        </message>
        <message>
            <source>colleague whose KEY CHANGED</source>
            <translation>у коллеги ИЗМЕНИЛСЯ КЛЮЧ</translation>
        </message>
        <message>
            <source>UNKNOWN sender</source>
            <translation>НЕИЗВЕСТНЫЙ отправитель</translation>
        </message>
        <message>
            <source>From {0} ({1})
Fingerprint: {2}</source>
            <translation>От: {0} ({1})
Отпечаток: {2}</translation>
        </message>
        <message>
            <source>anyone with the one-time passphrase</source>
            <translation>любой, у кого есть одноразовая парольная фраза</translation>
        </message>
        <message>
            <source> (you)</source>
            <translation> (вы)</translation>
        </message>
        <message>
            <source>Signed for: {0}
Created: {1} UTC (the sender's clock)
Contents: {2}</source>
            <translation>Подписан для: {0}
Создан: {1} UTC (по часам отправителя)
Содержимое: {2}</translation>
        </message>
        <message>
            <source>new</source>
            <translation>новое</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>изменено</translation>
        </message>
        <message>
            <source>deleted (to the trash)</source>
            <translation>удалено (в корзину)</translation>
        </message>
        <message>
            <source>conflict</source>
            <translation>конфликт</translation>
        </message>
        <message>
            <source>{0} unchanged</source>
            <translation>без изменений: {0}</translation>
        </message>
        <message>
            <source>Nothing to import: this vault has all of it.</source>
            <translation>Импортировать нечего: в хранилище уже всё есть.</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>Импорт…</translation>
        </message>
        <message>
            <source>Imported: {0} new, {1} changed, {2} moved to the trash, {3} conflicts kept for review.</source>
            <translation>Импортировано: новых {0}, изменённых {1}, перемещено в корзину {2}, конфликтов для разбора {3}.</translation>
        </message>
        <message>
            <source>{0} “{1}”: deleted by {2}</source>
            <translation>{0} «{1}»: удалено у {2}</translation>
        </message>
        <message>
            <source>{0} “{1}” from {2} (deleted here)</source>
            <translation>{0} «{1}» от {2} (здесь удалено)</translation>
        </message>
        <message>
            <source>{0} “{1}” from {2}</source>
            <translation>{0} «{1}» от {2}</translation>
        </message>
    </context>
    <context>
        <name>IntakeDialog</name>
        <message>
            <source>Document details</source>
            <translation>Сведения о документе</translation>
        </message>
        <message>
            <source>&amp;Received on</source>
            <translation>Дата &amp;получения</translation>
        </message>
        <message>
            <source>&amp;Provenance</source>
            <translation>П&amp;роисхождение</translation>
        </message>
        <message>
            <source>Who gave it, how it arrived</source>
            <translation>Кто передал, как поступил</translation>
        </message>
        <message>
            <source>Received on</source>
            <translation>Дата получения</translation>
        </message>
        <message>
            <source>Provenance</source>
            <translation>Происхождение</translation>
        </message>
    </context>
    <context>
        <name>LockController</name>
        <message>
            <source>Lock now</source>
            <translation>Заблокировать сейчас</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Satchel</source>
            <translation>Satchel</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Главная панель</translation>
        </message>
        <message>
            <source>Search everything (Ctrl+K)</source>
            <translation>Искать везде (Ctrl+K)</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Поиск</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Настройки</translation>
        </message>
        <message>
            <source>General…</source>
            <translation>Общие…</translation>
        </message>
        <message>
            <source>Security…</source>
            <translation>Безопасность…</translation>
        </message>
        <message>
            <source>Panic wipe…</source>
            <translation>Экстренное уничтожение…</translation>
        </message>
        <message>
            <source>Travel mode…</source>
            <translation>Режим поездки…</translation>
        </message>
        <message>
            <source>Restore from travel…</source>
            <translation>Вернуть дела после поездки…</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>Заблокировать</translation>
        </message>
        <message>
            <source>Lock the vault now (Ctrl+Shift+L)</source>
            <translation>Заблокировать хранилище сейчас (Ctrl+Shift+L)</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>Навигация</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Дела</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Люди</translation>
        </message>
        <message>
            <source>Agenda</source>
            <translation>Сроки и заседания</translation>
        </message>
        <message>
            <source>Colleagues</source>
            <translation>Коллеги</translation>
        </message>
        <message>
            <source>Imports</source>
            <translation>Импорт</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>Корзина</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Журнал изменений</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Дело</translation>
        </message>
        <message>
            <source>Undo (Ctrl+Z)</source>
            <translation>Отменить (Ctrl+Z)</translation>
        </message>
        <message>
            <source>Cannot undo</source>
            <translation>Отменить нельзя</translation>
        </message>
        <message>
            <source>Nothing to undo on this page.</source>
            <translation>На этой странице нечего отменять.</translation>
        </message>
        <message>
            <source>Undone: %1</source>
            <translation>Отменено: %1</translation>
        </message>
        <message>
            <source>Exchange folder: {0} imported, {1} waiting in Imports</source>
            <translation>Папка обмена: импортировано {0}, ждут в разделе «Импорт»: {1}</translation>
        </message>
        <message>
            <source>That record no longer exists.</source>
            <translation>Этой записи больше нет.</translation>
        </message>
        <message>
            <source>Cannot open</source>
            <translation>Не удалось открыть</translation>
        </message>
        <message>
            <source>Vault “{0}” · cases: {1}</source>
            <translation>Хранилище «{0}» · дел: {1}</translation>
        </message>
        <message>
            <source>On read-only media: it can be read, nothing can be changed</source>
            <translation>На носителе только для чтения: читать можно, изменить ничего нельзя</translation>
        </message>
    </context>
    <context>
        <name>NoteDialog</name>
        <message>
            <source>Note: %1</source>
            <translation>Заметка: %1</translation>
        </message>
        <message>
            <source>New note</source>
            <translation>Новая заметка</translation>
        </message>
        <message>
            <source>&amp;Author</source>
            <translation>&amp;Автор</translation>
        </message>
        <message>
            <source>&amp;Written</source>
            <translation>&amp;Написано</translation>
        </message>
        <message>
            <source>&amp;Format</source>
            <translation>&amp;Формат</translation>
        </message>
        <message>
            <source>Plain text</source>
            <translation>Простой текст</translation>
        </message>
        <message>
            <source>Markdown</source>
            <translation>Markdown</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Текст</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Просмотр</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>Автор</translation>
        </message>
        <message>
            <source>Written</source>
            <translation>Написано</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Формат</translation>
        </message>
        <message>
            <source>Note text</source>
            <translation>Текст заметки</translation>
        </message>
        <message>
            <source>Preview of the note</source>
            <translation>Просмотр заметки</translation>
        </message>
        <message>
            <source>A note needs some text.</source>
            <translation>В заметке должен быть текст.</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <source>This note has changes that are not saved.</source>
            <translation>В этой заметке есть несохранённые изменения.</translation>
        </message>
    </context>
    <context>
        <name>NotesPanel</name>
        <message>
            <source>New note…</source>
            <translation>Новая заметка…</translation>
        </message>
        <message>
            <source>Write a new note (Ctrl+N)</source>
            <translation>Написать новую заметку (Ctrl+N)</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Изменить…</translation>
        </message>
        <message>
            <source>Edit the selected note (Enter)</source>
            <translation>Изменить выбранную заметку (Enter)</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Move the selected note to the trash (Delete; Ctrl+Z undoes)</source>
            <translation>Переместить выбранную заметку в корзину (Delete; Ctrl+Z отменяет)</translation>
        </message>
        <message>
            <source>History…</source>
            <translation>История…</translation>
        </message>
        <message>
            <source>Who changed this note, and when</source>
            <translation>Кто и когда менял эту заметку</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Заметки</translation>
        </message>
        <message>
            <source>Selected note</source>
            <translation>Выбранная заметка</translation>
        </message>
        <message>
            <source>%1, by %2</source>
            <translation>%1, автор: %2</translation>
        </message>
        <message>
            <source>No case is open.</source>
            <translation>Дело не открыто.</translation>
        </message>
        <message>
            <source>No notes yet. Write the first one with “New note…” (Ctrl+N).</source>
            <translation>Заметок пока нет. Напишите первую кнопкой «Новая заметка…» (Ctrl+N).</translation>
        </message>
        <message>
            <source>Delete note</source>
            <translation>Удаление заметки</translation>
        </message>
        <message>
            <source>Note “%1” moved to the trash</source>
            <translation>Заметка «%1» перемещена в корзину</translation>
        </message>
        <message>
            <source>Note “%1” changed</source>
            <translation>Заметка «%1» изменена</translation>
        </message>
    </context>
    <context>
        <name>OverviewTab</name>
        <message>
            <source>Next deadline</source>
            <translation>Ближайший срок</translation>
        </message>
        <message>
            <source>Reference numbers</source>
            <translation>Номера дел</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Люди</translation>
        </message>
        <message>
            <source>People in this case</source>
            <translation>Люди в этом деле</translation>
        </message>
        <message>
            <source>Add people…</source>
            <translation>Добавить людей…</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Описание</translation>
        </message>
        <message>
            <source>Risk: {0}</source>
            <translation>Риск: {0}</translation>
        </message>
        <message>
            <source>Opened {0}</source>
            <translation>Открыто {0}</translation>
        </message>
        <message>
            <source>Closed {0}</source>
            <translation>Закрыто {0}</translation>
        </message>
        <message>
            <source>Tags: {0}</source>
            <translation>Метки: {0}</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Номер</translation>
        </message>
        <message>
            <source>None recorded.</source>
            <translation>Не указаны.</translation>
        </message>
        <message>
            <source>Nobody yet: add people in the People tab.</source>
            <translation>Пока никого: добавьте людей на вкладке «Люди».</translation>
        </message>
        <message>
            <source>No summary yet.</source>
            <translation>Описания пока нет.</translation>
        </message>
        <message>
            <source>Overdue: {0} ({1})</source>
            <translation>Просрочено: {0} ({1})</translation>
        </message>
        <message>
            <source>No pending deadline.</source>
            <translation>Нет открытых сроков.</translation>
        </message>
    </context>
    <context>
        <name>PartialDateEdit</name>
        <message>
            <source>Year only</source>
            <translation>Только год</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Месяц</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>День</translation>
        </message>
        <message>
            <source>Exact time</source>
            <translation>Точное время</translation>
        </message>
        <message>
            <source>Precision</source>
            <translation>Точность</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Год</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Время</translation>
        </message>
        <message>
            <source>Time zone (UTC offset)</source>
            <translation>Часовой пояс (смещение от UTC)</translation>
        </message>
    </context>
    <context>
        <name>PartialDateField</name>
        <message>
            <source>Unknown; e.g. 14.03.1990, March 1990, 1990</source>
            <translation>Не известна; например, 14.03.1990, март 1990, 1990</translation>
        </message>
        <message>
            <source>Date as typed</source>
            <translation>Дата, как её написали</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>По полям</translation>
        </message>
        <message>
            <source>Choose the year, month and day field by field</source>
            <translation>Выбрать год, месяц и день по полям</translation>
        </message>
        <message>
            <source>Date details</source>
            <translation>Дата по полям</translation>
        </message>
        <message>
            <source>Not a valid date yet: %1</source>
            <translation>Дата пока недопустима: %1</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>не известна</translation>
        </message>
        <message>
            <source>Shown as: %1</source>
            <translation>Будет показано: %1</translation>
        </message>
    </context>
    <context>
        <name>PeopleModel</name>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Other names</source>
            <translation>Другие имена</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>Дата рождения</translation>
        </message>
        <message>
            <source>Citizenship</source>
            <translation>Гражданство</translation>
        </message>
    </context>
    <context>
        <name>PeoplePage</name>
        <message>
            <source>People</source>
            <translation>Люди</translation>
        </message>
        <message>
            <source>Move the selected person to the trash (Delete; Ctrl+Z undoes)</source>
            <translation>Переместить выбранного человека в корзину (Delete; Ctrl+Z отменяет)</translation>
        </message>
        <message>
            <source>History…</source>
            <translation>История…</translation>
        </message>
        <message>
            <source>Who changed this person, and when</source>
            <translation>Кто и когда менял данные этого человека</translation>
        </message>
        <message>
            <source>Nobody matches. Any spelling finds a name (Latin or Cyrillic).</source>
            <translation>Никто не найден. Имя находится в любом написании (латиницей или кириллицей).</translation>
        </message>
        <message>
            <source>No people yet. Add the client, relatives, officials and others with New…, or from a case's People tab.</source>
            <translation>Людей пока нет. Добавьте доверителя, родственников, должностных лиц и других кнопкой «Добавить…» или на вкладке «Люди» в деле.</translation>
        </message>
        <message>
            <source>Filter by any name or spelling…</source>
            <translation>Фильтр по любому имени или написанию…</translation>
        </message>
        <message>
            <source>Filter people</source>
            <translation>Фильтр людей</translation>
        </message>
        <message>
            <source>People and organisations</source>
            <translation>Люди и организации</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Показывать</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>Добавить…</translation>
        </message>
        <message>
            <source>Add a person or organisation (Ctrl+N)</source>
            <translation>Добавить человека или организацию (Ctrl+N)</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Изменить…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>“%1” moved to the trash</source>
            <translation>«%1» перемещён(а) в корзину</translation>
        </message>
        <message>
            <source>“%1” changed</source>
            <translation>«%1»: данные изменены</translation>
        </message>
        <message>
            <source>%1 found</source>
            <translation>Найдено: %1</translation>
        </message>
        <message>
            <source>%1 in all</source>
            <translation>Всего: %1</translation>
        </message>
        <message>
            <source>Delete person</source>
            <translation>Удаление человека</translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message>
            <source>Person: %1</source>
            <translation>Человек: %1</translation>
        </message>
        <message>
            <source>New person</source>
            <translation>Новый человек</translation>
        </message>
        <message>
            <source>&amp;Kind</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <source>&amp;Names</source>
            <translation>&amp;Имена</translation>
        </message>
        <message>
            <source>&amp;Born</source>
            <translation>Дата &amp;рождения</translation>
        </message>
        <message>
            <source>&amp;Citizenships</source>
            <translation>&amp;Гражданство</translation>
        </message>
        <message>
            <source>&amp;Identity documents</source>
            <translation>&amp;Документы</translation>
        </message>
        <message>
            <source>Con&amp;tacts</source>
            <translation>&amp;Контакты</translation>
        </message>
        <message>
            <source>N&amp;otes</source>
            <translation>&amp;Заметки</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Script</source>
            <translation>Письменность</translation>
        </message>
        <message>
            <source>Spelling from</source>
            <translation>Откуда написание</translation>
        </message>
        <message>
            <source>Primary</source>
            <translation>Основное</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Документ</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Номер</translation>
        </message>
        <message>
            <source>Issued by</source>
            <translation>Кем выдан</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>Выдан</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Действует до</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Канал</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Пометка</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Значение</translation>
        </message>
        <message>
            <source>name</source>
            <translation>имя</translation>
        </message>
        <message>
            <source>document</source>
            <translation>документ</translation>
        </message>
        <message>
            <source>contact</source>
            <translation>контакт</translation>
        </message>
        <message>
            <source>Add %1</source>
            <translation>Добавить %1</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Убрать</translation>
        </message>
        <message>
            <source>Remove the selected row</source>
            <translation>Убрать выбранную строку</translation>
        </message>
        <message>
            <source>Dates as typed: 14.03.2031, March 2031, 2031-03-14 or 2031.</source>
            <translation>Даты — как удобно: 14.03.2031, март 2031, 2031-03-14 или 2031.</translation>
        </message>
        <message>
            <source>Separated by commas</source>
            <translation>Через запятую</translation>
        </message>
        <message>
            <source>Person or organisation</source>
            <translation>Человек или организация</translation>
        </message>
        <message>
            <source>Names and aliases</source>
            <translation>Имена и варианты написания</translation>
        </message>
        <message>
            <source>Citizenships</source>
            <translation>Гражданство</translation>
        </message>
        <message>
            <source>Identity documents</source>
            <translation>Документы, удостоверяющие личность</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>Контакты</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Заметки</translation>
        </message>
        <message>
            <source>A person needs at least one name.</source>
            <translation>У человека должно быть хотя бы одно имя.</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <source>This person has changes that are not saved.</source>
            <translation>В карточке человека есть несохранённые изменения.</translation>
        </message>
    </context>
    <context>
        <name>PersonLabels</name>
        <message>
            <source>Cyrillic</source>
            <translation>Кириллица</translation>
        </message>
        <message>
            <source>Latin</source>
            <translation>Латиница</translation>
        </message>
        <message>
            <source>Other script</source>
            <translation>Другая письменность</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <source>Signal</source>
            <translation>Signal</translation>
        </message>
        <message>
            <source>Telegram</source>
            <translation>Telegram</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>Эл. почта</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Адрес</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Другое</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Человек</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Организация</translation>
        </message>
    </context>
    <context>
        <name>PersonView</name>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Изменить…</translation>
        </message>
        <message>
            <source>Edit person</source>
            <translation>Изменить карточку</translation>
        </message>
        <message>
            <source>Names and spellings</source>
            <translation>Имена и написания</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Script</source>
            <translation>Письменность</translation>
        </message>
        <message>
            <source>Spelling from</source>
            <translation>Откуда написание</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>Дата рождения</translation>
        </message>
        <message>
            <source>Citizenships</source>
            <translation>Гражданство</translation>
        </message>
        <message>
            <source>Identity documents</source>
            <translation>Документы, удостоверяющие личность</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Документ</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Номер</translation>
        </message>
        <message>
            <source>Issued by</source>
            <translation>Кем выдан</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>Выдан</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Действует до</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>Контакты</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Канал</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Пометка</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Значение</translation>
        </message>
        <message>
            <source>Contacts (Ctrl+C copies the selected value)</source>
            <translation>Контакты (Ctrl+C копирует выбранное значение)</translation>
        </message>
        <message>
            <source>Cases and roles</source>
            <translation>Дела и роли</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Дело</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Cases and roles (Enter opens the case)</source>
            <translation>Дела и роли (Enter открывает дело)</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Заметки</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Файлы</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Копировать</translation>
        </message>
        <message>
            <source>Copy contact %1</source>
            <translation>Копировать контакт %1</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Открыто</translation>
        </message>
        <message>
            <source>On hold</source>
            <translation>Приостановлено</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Закрыто</translation>
        </message>
        <message>
            <source>Choose a person on the left, or add one.</source>
            <translation>Выберите человека слева или добавьте нового.</translation>
        </message>
    </context>
    <context>
        <name>Report</name>
        <message>
            <source>Key fact</source>
            <translation>Ключевой факт</translation>
        </message>
        <message>
            <source>Deadline: %1</source>
            <translation>Срок: %1</translation>
        </message>
        <message>
            <source>CONFIDENTIAL — privileged lawyer–client material</source>
            <translation>КОНФИДЕНЦИАЛЬНО — адвокатская тайна</translation>
        </message>
        <message>
            <source>Chronology</source>
            <translation>Хронология</translation>
        </message>
        <message>
            <source>Court or authority</source>
            <translation>Суд или орган</translation>
        </message>
        <message>
            <source>Jurisdiction</source>
            <translation>Юрисдикция</translation>
        </message>
        <message>
            <source>Generated</source>
            <translation>Составлено</translation>
        </message>
        <message>
            <source>%1 of %2 events (a selection)</source>
            <translation>%1 из %2 событий (выборка)</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>События</translation>
        </message>
        <message>
            <source>People and their roles</source>
            <translation>Участники и их роли</translation>
        </message>
        <message>
            <source>No events.</source>
            <translation>Событий нет.</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Событие</translation>
        </message>
        <message>
            <source>Source and quote</source>
            <translation>Источник и цитата</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>People: %1</source>
            <translation>Участники: %1</translation>
        </message>
        <message>
            <source>Confidential</source>
            <translation>Конфиденциально</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>Страница %1 из %2</translation>
        </message>
        <message>
            <source>Chronology report</source>
            <translation>Отчёт по хронологии</translation>
        </message>
        <message>
            <source>Reading the case…</source>
            <translation>Чтение дела…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Laying out row {0} of {1}…</source>
            <translation>Вёрстка: строка {0} из {1}…</translation>
        </message>
        <message>
            <source>Keeping rows whole across pages: row {0} of {1}…</source>
            <translation>Разбивка на страницы без разрыва строк: строка {0} из {1}…</translation>
        </message>
        <message>
            <source>Painting page {0} of {1}…</source>
            <translation>Вывод страницы {0} из {1}…</translation>
        </message>
        <message>
            <source>Printing page {0} of {1}…</source>
            <translation>Печать страницы {0} из {1}…</translation>
        </message>
        <message>
            <source>Writing the file…</source>
            <translation>Запись файла…</translation>
        </message>
        <message>
            <source>Save chronology report</source>
            <translation>Сохранить отчёт-хронологию</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Документы PDF (*.pdf)</translation>
        </message>
        <message>
            <source>The report is not encrypted</source>
            <translation>Отчёт не зашифрован</translation>
        </message>
        <message>
            <source>The PDF will be written unencrypted to:
%1

Anyone who gets the file can read the case in it. Keep it on an encrypted disk, delete it when it has served, and send it only by a channel you trust.</source>
            <translation>PDF будет записан без шифрования в:
%1

Любой, к кому попадёт файл, сможет прочитать в нём материалы дела. Храните его на зашифрованном диске, удалите, когда он больше не нужен, и передавайте только по надёжному каналу.</translation>
        </message>
        <message>
            <source>Report not written</source>
            <translation>Отчёт не записан</translation>
        </message>
        <message>
            <source>Print chronology</source>
            <translation>Печать хронологии</translation>
        </message>
        <message>
            <source>Exhibits</source>
            <translation>Приложения</translation>
        </message>
        <message>
            <source>No documents are linked to these events.</source>
            <translation>К этим событиям не привязаны документы.</translation>
        </message>
        <message>
            <source>Exhibit %1</source>
            <translation>Приложение %1</translation>
        </message>
        <message>
            <source>Exhibits: %1</source>
            <translation>Приложения: %1</translation>
        </message>
    </context>
    <context>
        <name>ReportOptionsDialog</name>
        <message>
            <source>Leaves out the status column (disputed or not, key facts, deadline status) and your notes on people's roles.</source>
            <translation>Убирает столбец «Статус» (оспаривается ли факт, ключевые факты, состояние сроков) и ваши заметки о ролях участников.</translation>
        </message>
        <message>
            <source>&amp;Exhibit list: the linked documents with their SHA-256</source>
            <translation>&amp;Перечень приложений: связанные документы с их SHA-256</translation>
        </message>
        <message>
            <source>Columns</source>
            <translation>Столбцы</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Далее</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Английский</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Событие</translation>
        </message>
        <message>
            <source>For &amp;filing: leave out internal assessments</source>
            <translation>Для &amp;подачи в суд: без внутренних оценок</translation>
        </message>
        <message>
            <source>Number (#)</source>
            <translation>Номер (№)</translation>
        </message>
        <message>
            <source>Report &amp;language:</source>
            <translation>&amp;Язык отчёта:</translation>
        </message>
        <message>
            <source>Report options</source>
            <translation>Параметры отчёта</translation>
        </message>
        <message>
            <source>Russian</source>
            <translation>Русский</translation>
        </message>
        <message>
            <source>Source and quote</source>
            <translation>Источник и цитата</translation>
        </message>
        <message>
            <source>Status (internal)</source>
            <translation>Статус (внутренний)</translation>
        </message>
        <message>
            <source>The PDF is not encrypted: you are asked where to save it next.</source>
            <translation>PDF не шифруется: далее вы выберете, куда его сохранить.</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Тип</translation>
        </message>
    </context>
    <context>
        <name>RoleLabels</name>
        <message>
            <source>Investigator</source>
            <translation>Следователь</translation>
        </message>
        <message>
            <source>Consular officer</source>
            <translation>Сотрудник консульства</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Доверитель</translation>
        </message>
        <message>
            <source>Relative</source>
            <translation>Родственник</translation>
        </message>
        <message>
            <source>Co-counsel</source>
            <translation>Второй защитник</translation>
        </message>
        <message>
            <source>Opposing counsel</source>
            <translation>Представитель другой стороны</translation>
        </message>
        <message>
            <source>Prosecutor</source>
            <translation>Прокурор</translation>
        </message>
        <message>
            <source>Judge</source>
            <translation>Судья</translation>
        </message>
        <message>
            <source>Official</source>
            <translation>Должностное лицо</translation>
        </message>
        <message>
            <source>Witness</source>
            <translation>Свидетель</translation>
        </message>
        <message>
            <source>Interpreter</source>
            <translation>Переводчик</translation>
        </message>
        <message>
            <source>Journalist</source>
            <translation>Журналист</translation>
        </message>
        <message>
            <source>NGO</source>
            <translation>НКО</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Другое</translation>
        </message>
    </context>
    <context>
        <name>SafeNoteView</name>
        <message>
            <source>image</source>
            <translation>изображение</translation>
        </message>
        <message>
            <source>This note is long: the rest of it is shown as plain text, unformatted.</source>
            <translation>Заметка длинная: дальше она показана как простой текст, без оформления.</translation>
        </message>
        <message numerus="yes">
            <source>The note goes on for %n more characters, not shown here: it is too long to show at once. It is kept whole in the vault.</source>
            <translation>
                <numerusform>Дальше в заметке ещё %n знак, здесь он не показан: заметка слишком длинная, чтобы показать её целиком. В хранилище она сохранена полностью.</numerusform>
                <numerusform>Дальше в заметке ещё %n знака, здесь они не показаны: заметка слишком длинная, чтобы показать её целиком. В хранилище она сохранена полностью.</numerusform>
                <numerusform>Дальше в заметке ещё %n знаков, здесь они не показаны: заметка слишком длинная, чтобы показать её целиком. В хранилище она сохранена полностью.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchPopup</name>
        <message>
            <source>Cases</source>
            <translation>Дела</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Люди</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>События</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Заметки</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Документы</translation>
        </message>
        <message>
            <source>Colleagues</source>
            <translation>Коллеги</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Другое</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Результаты поиска</translation>
        </message>
        <message>
            <source>Nothing found. Names match in any script or spelling.</source>
            <translation>Ничего не найдено. Имена ищутся в любом алфавите и написании.</translation>
        </message>
    </context>
    <context>
        <name>SecurityDialog</name>
        <message>
            <source>The decoy is drawn for this vault: ordinary matters in your language and country, kept current as the weeks pass. Look at it and change it as you like; Satchel locks this vault first, and locking the decoy brings you back to the unlock screen.</source>
            <translation>Приманка создана для этого хранилища: обычные дела на вашем языке и в вашей стране, которые пополняются с течением недель. Её можно просмотреть и изменить как угодно; сначала Satchel заблокирует это хранилище, а блокировка приманки вернёт вас к экрану разблокировки.</translation>
        </message>
        <message>
            <source>Look at and edit the decoy…</source>
            <translation>Просмотреть и изменить приманку…</translation>
        </message>
        <message>
            <source>Set a duress passphrase first (a decoy set by an older version: set it again).</source>
            <translation>Сначала задайте фразу под принуждением (если приманку создала более старая версия, задайте фразу заново).</translation>
        </message>
        <message>
            <source>Security settings</source>
            <translation>Настройки безопасности</translation>
        </message>
        <message>
            <source>Locking</source>
            <translation>Блокировка</translation>
        </message>
        <message>
            <source>Panic wipe</source>
            <translation>Экстренное уничтожение</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Парольная фраза</translation>
        </message>
        <message>
            <source>Duress passphrase</source>
            <translation>Фраза под принуждением</translation>
        </message>
        <message>
            <source> min</source>
            <translation> мин</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>Никогда</translation>
        </message>
        <message>
            <source>Lock after idle minutes</source>
            <translation>Блокировать после минут бездействия</translation>
        </message>
        <message>
            <source>Lock after no input for:</source>
            <translation>Блокировать, если нет ввода:</translation>
        </message>
        <message>
            <source>Lock when the screen locks</source>
            <translation>Блокировать при блокировке экрана</translation>
        </message>
        <message>
            <source>Lock before the computer sleeps</source>
            <translation>Блокировать перед переходом компьютера в сон</translation>
        </message>
        <message>
            <source>Lock when the window is minimised</source>
            <translation>Блокировать при сворачивании окна</translation>
        </message>
        <message>
            <source>Keep what I typed in open forms, encrypted, when locking</source>
            <translation>При блокировке сохранять набранное в открытых формах (в зашифрованном хранилище)</translation>
        </message>
        <message>
            <source>Satchel offers it back after the next unlock. Off: the typed text of an open form is thrown away at lock.</source>
            <translation>Satchel предложит восстановить его после следующей разблокировки. Если выключено, набранное в открытой форме при блокировке теряется.</translation>
        </message>
        <message>
            <source> s</source>
            <translation> с</translation>
        </message>
        <message>
            <source>Only when locking</source>
            <translation>Только при блокировке</translation>
        </message>
        <message>
            <source>Clear copied fields after seconds</source>
            <translation>Очищать скопированное через секунд</translation>
        </message>
        <message>
            <source>Clear copied fields after:</source>
            <translation>Очищать скопированное через:</translation>
        </message>
        <message>
            <source>Idle time counts while the computer sleeps, so Satchel is never found open the morning after. Copied phone numbers and document numbers are hidden from clipboard history and removed after the delay, unless you copied something else meanwhile.</source>
            <translation>Время бездействия идёт и во время сна компьютера, поэтому утром Satchel не окажется открытым. Скопированные номера телефонов и документов скрыты от истории буфера обмена и удаляются по истечении задержки, если вы тем временем не скопировали что-то другое.</translation>
        </message>
        <message>
            <source>A panic wipe destroys this vault for good: the key file is overwritten and removed, then the database. Neither the passphrase nor the recovery code will open it again, and nobody can recover it.

Destroying data can be treated as destruction of evidence. Decide in advance, knowing the law where you travel. Keep an encrypted bundle of your important cases with a trusted colleague so that a wipe loses nothing that matters.</source>
            <translation>Экстренное уничтожение навсегда уничтожает это хранилище: файл ключей перезаписывается и удаляется, затем база данных. Ни парольная фраза, ни код восстановления больше его не откроют, и восстановить его не сможет никто.

Уничтожение данных может быть расценено как уничтожение доказательств. Решите заранее, зная законы страны, куда вы едете. Храните зашифрованный пакет важных дел у доверенного коллеги, чтобы уничтожение не лишило вас ничего важного.</translation>
        </message>
        <message>
            <source>Enable the panic wipe shortcut Ctrl+Shift+Delete</source>
            <translation>Включить сочетание клавиш Ctrl+Shift+Delete для экстренного уничтожения</translation>
        </message>
        <message>
            <source>Wipe without asking for confirmation</source>
            <translation>Уничтожать без подтверждения</translation>
        </message>
        <message>
            <source>Change the passphrase</source>
            <translation>Сменить парольную фразу</translation>
        </message>
        <message>
            <source>Current passphrase</source>
            <translation>Текущая парольная фраза</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>Новая парольная фраза</translation>
        </message>
        <message>
            <source>Repeat the new passphrase</source>
            <translation>Повторите новую парольную фразу</translation>
        </message>
        <message>
            <source>Current passphrase:</source>
            <translation>Текущая парольная фраза:</translation>
        </message>
        <message>
            <source>New passphrase:</source>
            <translation>Новая парольная фраза:</translation>
        </message>
        <message>
            <source>Repeat it:</source>
            <translation>Повторите:</translation>
        </message>
        <message>
            <source>Change passphrase</source>
            <translation>Сменить парольную фразу</translation>
        </message>
        <message>
            <source>Recovery code</source>
            <translation>Код восстановления</translation>
        </message>
        <message>
            <source>A new recovery code replaces the old one, which stops working. It is shown once: write it down and keep it apart from the laptop.</source>
            <translation>Новый код восстановления заменяет старый, и тот перестаёт действовать. Он показывается один раз: запишите его и храните отдельно от ноутбука.</translation>
        </message>
        <message>
            <source>Make a new recovery code</source>
            <translation>Создать новый код восстановления</translation>
        </message>
        <message>
            <source>New recovery code</source>
            <translation>Новый код восстановления</translation>
        </message>
        <message>
            <source>A duress passphrase, set in advance, opens a harmless decoy vault instead of this one — or first destroys this vault and then opens the decoy. Nobody can tell from the files or from the time unlocking takes whether a duress passphrase exists. Misleading officials can carry legal risk; read the threat model before you use it.</source>
            <translation>Парольная фраза под принуждением, заданная заранее, открывает вместо этого хранилища безобидное хранилище-приманку — или сначала уничтожает это хранилище, а затем открывает приманку. Ни по файлам, ни по времени разблокировки нельзя определить, задана ли такая фраза. Введение должностных лиц в заблуждение может повлечь правовые риски; прочтите модель угроз, прежде чем пользоваться этой функцией.</translation>
        </message>
        <message>
            <source>Repeat the duress passphrase</source>
            <translation>Повторите фразу под принуждением</translation>
        </message>
        <message>
            <source>Duress passphrase:</source>
            <translation>Фраза под принуждением:</translation>
        </message>
        <message>
            <source>Open the decoy vault</source>
            <translation>Открыть хранилище-приманку</translation>
        </message>
        <message>
            <source>Destroy this vault, then open the decoy</source>
            <translation>Уничтожить это хранилище, затем открыть приманку</translation>
        </message>
        <message>
            <source>When it is entered:</source>
            <translation>Когда её вводят:</translation>
        </message>
        <message>
            <source>Set duress passphrase</source>
            <translation>Задать фразу под принуждением</translation>
        </message>
        <message>
            <source>Remove duress passphrase</source>
            <translation>Удалить фразу под принуждением</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>Выполняется…</translation>
        </message>
        <message>
            <source>Use at least 8 characters; several words are best.</source>
            <translation>Используйте не менее 8 символов; лучше всего несколько слов.</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>Парольные фразы не совпадают.</translation>
        </message>
        <message>
            <source>Passphrase changed. The recovery code still works.</source>
            <translation>Парольная фраза изменена. Код восстановления по-прежнему действует.</translation>
        </message>
        <message>
            <source>The old code no longer works. Write this one down now: it is not shown again.</source>
            <translation>Старый код больше не действует. Запишите этот сейчас: он больше не будет показан.</translation>
        </message>
        <message>
            <source>The duress passphrase must differ from the real one.</source>
            <translation>Фраза под принуждением должна отличаться от настоящей.</translation>
        </message>
        <message>
            <source>Duress passphrase that destroys</source>
            <translation>Фраза под принуждением, уничтожающая хранилище</translation>
        </message>
        <message>
            <source>Entering this duress passphrase will destroy this vault for good. Set it?</source>
            <translation>Ввод этой фразы навсегда уничтожит это хранилище. Задать её?</translation>
        </message>
        <message>
            <source>Duress passphrase set.</source>
            <translation>Фраза под принуждением задана.</translation>
        </message>
        <message>
            <source>Duress passphrase removed.</source>
            <translation>Фраза под принуждением удалена.</translation>
        </message>
    </context>
    <context>
        <name>Session</name>
        <message>
            <source>Decoy</source>
            <translation>Приманка</translation>
        </message>
        <message>
            <source>Panic wipe</source>
            <translation>Экстренное уничтожение</translation>
        </message>
        <message>
            <source>Destroy this vault now? Neither the passphrase nor the recovery code will open it again, and nobody can recover it.</source>
            <translation>Уничтожить это хранилище сейчас? Ни парольная фраза, ни код восстановления больше его не откроют, и восстановить его не сможет никто.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Настройки</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>Язык интерфейса</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Язык:</translation>
        </message>
        <message>
            <source>Only the language and the window size are stored outside the encrypted vault. Dates and numbers follow the language.</source>
            <translation>Вне зашифрованного хранилища сохраняются только язык и размер окна. Даты и числа следуют языку.</translation>
        </message>
    </context>
    <context>
        <name>ShareDialog</name>
        <message>
            <source>Share this case with…</source>
            <translation>Поделиться делом с…</translation>
        </message>
        <message>
            <source>The colleague gets the whole case once, then what changes, through the exchange folder (or `satchel share send`). Only colleagues whose fingerprint you compared can be chosen.</source>
            <translation>Коллега получит всё дело один раз, а затем — изменения, через папку обмена (или `satchel share send`). Выбрать можно только коллег, чьи отпечатки вы сверили.</translation>
        </message>
        <message>
            <source>Colleagues</source>
            <translation>Коллеги</translation>
        </message>
        <message>
            <source>{0} (already shared)</source>
            <translation>{0} (уже разделено)</translation>
        </message>
        <message>
            <source>{0} (fingerprint not verified)</source>
            <translation>{0} (отпечаток не проверен)</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>Поделиться</translation>
        </message>
    </context>
    <context>
        <name>Sizes</name>
        <message>
            <source>B</source>
            <translation>Б</translation>
        </message>
        <message>
            <source>kB</source>
            <translation>кБ</translation>
        </message>
        <message>
            <source>MB</source>
            <translation>МБ</translation>
        </message>
        <message>
            <source>GB</source>
            <translation>ГБ</translation>
        </message>
        <message>
            <source>TB</source>
            <translation>ТБ</translation>
        </message>
    </context>
    <context>
        <name>Timeline</name>
        <message>
            <source>All cases timeline</source>
            <translation>Все дела на шкале времени</translation>
        </message>
        <message>
            <source>Undated events</source>
            <translation>События без даты</translation>
        </message>
        <message>
            <source>Zoom in (+, mouse wheel, pinch)</source>
            <translation>Приблизить (+, колесо мыши, щипок)</translation>
        </message>
        <message>
            <source>Zoom out (−)</source>
            <translation>Отдалить (−)</translation>
        </message>
        <message>
            <source>Fit all</source>
            <translation>Показать всё</translation>
        </message>
        <message>
            <source>Show every event (Home)</source>
            <translation>Показать все события (Home)</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Сегодня</translation>
        </message>
        <message>
            <source>Go to today (T)</source>
            <translation>Перейти к сегодняшнему дню (T)</translation>
        </message>
        <message>
            <source>Report…</source>
            <translation>Отчёт…</translation>
        </message>
        <message>
            <source>Save the events shown as a chronology report (PDF, not encrypted)</source>
            <translation>Сохранить показанные события как хронологию (PDF, без шифрования)</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Печать…</translation>
        </message>
        <message>
            <source>Print the events shown as a chronology</source>
            <translation>Напечатать показанные события как хронологию</translation>
        </message>
        <message>
            <source>Lanes by type</source>
            <translation>Дорожки по типу</translation>
        </message>
        <message>
            <source>Lanes by person</source>
            <translation>Дорожки по участникам</translation>
        </message>
        <message>
            <source>Lanes by proceeding</source>
            <translation>Дорожки по производству</translation>
        </message>
        <message>
            <source>Lanes by case</source>
            <translation>Дорожки по делам</translation>
        </message>
        <message>
            <source>Lanes</source>
            <translation>Дорожки</translation>
        </message>
        <message>
            <source>Bands</source>
            <translation>Периоды</translation>
        </message>
        <message>
            <source>Periods drawn as bands across the lanes (events dated from … to …)</source>
            <translation>Периоды, закрашенные полосой через все дорожки (события с датой «с … по …»)</translation>
        </message>
        <message>
            <source>All types</source>
            <translation>Все типы</translation>
        </message>
        <message>
            <source>Event type</source>
            <translation>Тип события</translation>
        </message>
        <message>
            <source>All events</source>
            <translation>Все события</translation>
        </message>
        <message>
            <source>Key facts</source>
            <translation>Ключевые факты</translation>
        </message>
        <message>
            <source>Disputed</source>
            <translation>Оспариваемые</translation>
        </message>
        <message>
            <source>Deadlines</source>
            <translation>Сроки</translation>
        </message>
        <message>
            <source>Flag</source>
            <translation>Отметка</translation>
        </message>
        <message>
            <source>Filter events…</source>
            <translation>Фильтр событий…</translation>
        </message>
        <message>
            <source>Filter events by text</source>
            <translation>Фильтр событий по тексту</translation>
        </message>
        <message>
            <source>No dated events to show</source>
            <translation>Нет событий с датой</translation>
        </message>
        <message>
            <source>All people</source>
            <translation>Все участники</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Участник</translation>
        </message>
        <message>
            <source>(case)</source>
            <translation>(дело)</translation>
        </message>
        <message>
            <source>No person</source>
            <translation>Без участника</translation>
        </message>
        <message>
            <source>(unknown person)</source>
            <translation>(неизвестный участник)</translation>
        </message>
        <message>
            <source>No proceeding</source>
            <translation>Без производства</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 из %2</translation>
        </message>
        <message numerus="yes">
            <source>%n event(s)</source>
            <translation>
                <numerusform>%n событие</numerusform>
                <numerusform>%n события</numerusform>
                <numerusform>%n событий</numerusform>
            </translation>
        </message>
        <message>
            <source>done</source>
            <translation>выполнено</translation>
        </message>
        <message numerus="yes">
            <source>overdue by %n day(s)</source>
            <translation>
                <numerusform>просрочено на %n день</numerusform>
                <numerusform>просрочено на %n дня</numerusform>
                <numerusform>просрочено на %n дней</numerusform>
            </translation>
        </message>
        <message>
            <source>due today</source>
            <translation>срок сегодня</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>остался %n день</numerusform>
                <numerusform>осталось %n дня</numerusform>
                <numerusform>осталось %n дней</numerusform>
            </translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Шкала времени</translation>
        </message>
        <message>
            <source>Periods</source>
            <translation>Периоды</translation>
        </message>
        <message>
            <source>key fact</source>
            <translation>ключевой факт</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>Источник: %1</translation>
        </message>
        <message>
            <source>Loading… %1 of %2</source>
            <translation>Загрузка… %1 из %2</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Отчёт</translation>
        </message>
        <message>
            <source>A chronology report of the events shown in the table</source>
            <translation>Отчёт-хронология по событиям, показанным в таблице</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Сохранить как PDF…</translation>
        </message>
        <message numerus="yes">
            <source>%n event(s) here — click to zoom in</source>
            <translation>
                <numerusform>%n событие здесь — щёлкните, чтобы приблизить</numerusform>
                <numerusform>%n события здесь — щёлкните, чтобы приблизить</numerusform>
                <numerusform>%n событий здесь — щёлкните, чтобы приблизить</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Undated (to be determined): %n event(s)</source>
            <translation>
                <numerusform>Без даты (не определена): %n событие</numerusform>
                <numerusform>Без даты (не определена): %n события</numerusform>
                <numerusform>Без даты (не определена): %n событий</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TrashPage</name>
        <message>
            <source>The trash is empty. What you delete comes here first, restorable.</source>
            <translation>Корзина пуста. Всё удалённое сначала попадает сюда, и его можно восстановить.</translation>
        </message>
        <message>
            <source>Restored: %1</source>
            <translation>Восстановлено: %1</translation>
        </message>
        <message>
            <source>Not restored: a role whose case or person is gone:</source>
            <translation>Не восстановлено — роль, дела или человека которой больше нет:</translation>
        </message>
        <message>
            <source>Not restored: a document whose case is gone:</source>
            <translation>Не восстановлен — документ, дела которого больше нет:</translation>
        </message>
        <message>
            <source>People no longer in the vault left out of:</source>
            <translation>Людей, которых больше нет в хранилище, нет и в событии:</translation>
        </message>
        <message>
            <source>Documents no longer in the case left out of:</source>
            <translation>Документов, которых больше нет в деле, нет и в событии:</translation>
        </message>
        <message>
            <source>Now a fixed deadline (the event it counted from is gone):</source>
            <translation>Теперь срок с фиксированной датой (события, от которого он считался, нет):</translation>
        </message>
        <message>
            <source>Events no longer in the vault, not linked again:</source>
            <translation>Событий больше нет в хранилище, связи не восстановлены:</translation>
        </message>
        <message>
            <source>A deadline changed or deleted since, left as a fixed deadline:</source>
            <translation>Срок, изменённый или удалённый позже, остался сроком с фиксированной датой:</translation>
        </message>
        <message>
            <source>Documents no longer in the vault, not linked again:</source>
            <translation>Документов больше нет в хранилище, связи не восстановлены:</translation>
        </message>
        <message>
            <source>Delete for good</source>
            <translation>Удалить навсегда</translation>
        </message>
        <message>
            <source>Delete the chosen items for good? They cannot be restored.</source>
            <translation>Удалить выбранное навсегда? Восстановить будет нельзя.</translation>
        </message>
        <message>
            <source>Empty the trash</source>
            <translation>Очистить корзину</translation>
        </message>
        <message>
            <source>Delete everything in the trash for good? It cannot be restored.</source>
            <translation>Удалить всё из корзины навсегда? Восстановить будет нельзя.</translation>
        </message>
        <message>
            <source>Documents' encrypted files are deleted with them.</source>
            <translation>Зашифрованные файлы документов удаляются вместе с ними.</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>Корзина</translation>
        </message>
        <message>
            <source>Deleted cases, people, events, notes and documents wait here until you restore them or empty the trash. A case comes back with everything in it.</source>
            <translation>Удалённые дела, люди, события, заметки и документы лежат здесь, пока вы их не восстановите или не очистите корзину. Дело восстанавливается целиком, со всем содержимым.</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Восстановить</translation>
        </message>
        <message>
            <source>Delete for good…</source>
            <translation>Удалить навсегда…</translation>
        </message>
        <message>
            <source>Empty trash…</source>
            <translation>Очистить корзину…</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Что</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Дело</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Удалено</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Кем</translation>
        </message>
    </context>
    <context>
        <name>TravelDialog</name>
        <message>
            <source>Travel mode</source>
            <translation>Режим поездки</translation>
        </message>
        <message>
            <source>The start of a trip was interrupted after the cases left behind were removed and before the vault was rewritten under a new key. Give the passphrase to finish it; the cases left behind are in the bundle written then.</source>
            <translation>Начало поездки было прервано: оставляемые дела уже удалены, но хранилище ещё не переписано под новым ключом. Введите парольную фразу, чтобы завершить; оставленные дела — в пакете, записанном тогда.</translation>
        </message>
        <message>
            <source>Tick the cases to carry across the border (possibly none). Every other case is written to one encrypted bundle, read back whole to prove it restores, and only then removed from this laptop without a trace. This is not deniability: the vault shows that a trip is on, and lying to a border official or destroying evidence can be an offence.</source>
            <translation>Отметьте дела, которые вы везёте через границу (можно ни одного). Все остальные записываются в один зашифрованный пакет, он читается обратно целиком, чтобы доказать, что восстанавливается, и только потом дела удаляются с этого ноутбука без следа. Это не отрицаемость: хранилище показывает, что идёт поездка, а ложь пограничнику или уничтожение доказательств может быть правонарушением.</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Доверитель</translation>
        </message>
        <message>
            <source>Next deadline</source>
            <translation>Ближайший срок</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Дело</translation>
        </message>
        <message>
            <source>Cases to carry</source>
            <translation>Дела, которые вы везёте</translation>
        </message>
        <message>
            <source>Carry none</source>
            <translation>Не везти ничего</translation>
        </message>
        <message>
            <source>Carry all</source>
            <translation>Везти все</translation>
        </message>
        <message>
            <source>Bundle of the cases left behind</source>
            <translation>Пакет с оставляемыми делами</translation>
        </message>
        <message>
            <source>Choose where to write it</source>
            <translation>Выберите, куда его записать</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Выбрать…</translation>
        </message>
        <message>
            <source>Bundle:</source>
            <translation>Пакет:</translation>
        </message>
        <message>
            <source>Do not carry this bundle on the same laptop: it opens with this vault's passphrase, the one a border official may make you give. Send it to a colleague, or leave it on a drive that stays behind; then delete it from this machine.</source>
            <translation>Не везите этот пакет на том же ноутбуке: он открывается парольной фразой этого хранилища — той, которую пограничник может потребовать. Отправьте его коллеге или оставьте на носителе, который остаётся дома; затем удалите его с этого компьютера.</translation>
        </message>
        <message>
            <source>Also encrypt to</source>
            <translation>Зашифровать также для</translation>
        </message>
        <message>
            <source>No one (this vault only)</source>
            <translation>Никого (только это хранилище)</translation>
        </message>
        <message>
            <source>Also encrypt to:</source>
            <translation>Зашифровать также для:</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Парольная фраза</translation>
        </message>
        <message>
            <source>Passphrase:</source>
            <translation>Парольная фраза:</translation>
        </message>
        <message>
            <source>Duress passphrase</source>
            <translation>Фраза под принуждением</translation>
        </message>
        <message>
            <source>Duress passphrase:</source>
            <translation>Фраза под принуждением:</translation>
        </message>
        <message>
            <source>Only if you set one: it must keep opening the decoy under the new key. Leave it empty otherwise.</source>
            <translation>Только если вы её задали: она должна и под новым ключом открывать приманку. Иначе оставьте поле пустым.</translation>
        </message>
        <message>
            <source>Continue…</source>
            <translation>Далее…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Carried: {0} · left behind: {1}</source>
            <translation>Везёте: {0} · остаются дома: {1}</translation>
        </message>
        <message>
            <source>left-behind</source>
            <translation>ostavlennye-dela</translation>
        </message>
        <message>
            <source>Where to write the cases left behind</source>
            <translation>Куда записать оставляемые дела</translation>
        </message>
        <message>
            <source>Satchel bundles ({0})</source>
            <translation>Пакеты Satchel ({0})</translation>
        </message>
        <message>
            <source>Enter the passphrase: the vault is rewritten under a new key.</source>
            <translation>Введите парольную фразу: хранилище будет переписано под новым ключом.</translation>
        </message>
        <message>
            <source>Choose where to write the bundle of the cases left behind.</source>
            <translation>Выберите, куда записать пакет с оставляемыми делами.</translation>
        </message>
        <message>
            <source>Write the bundle outside the vault folder: it would be removed or found with the vault. Choose another place.</source>
            <translation>Запишите пакет вне папки хранилища: там он был бы удалён или найден вместе с хранилищем. Выберите другое место.</translation>
        </message>
        <message>
            <source>That file exists already: choose a new name for the bundle.</source>
            <translation>Такой файл уже есть: выберите для пакета новое имя.</translation>
        </message>
        <message>
            <source>That folder does not exist: choose another place.</source>
            <translation>Такой папки нет: выберите другое место.</translation>
        </message>
        <message>
            <source>Every case is carried: nothing would be left behind.</source>
            <translation>Отмечены все дела: оставлять нечего.</translation>
        </message>
        <message>
            <source>The vault will be rewritten under a new key. A NEW recovery code will be shown once; the old one will stop working.</source>
            <translation>Хранилище будет переписано под новым ключом. НОВЫЙ код восстановления будет показан один раз; старый перестанет действовать.</translation>
        </message>
        <message>
            <source>{0} cases stay, {1} leave. They are written to {2}, read back to prove they restore, then removed from this laptop with every trace of them. The vault will be rewritten under a new key; a NEW recovery code will be shown once and the old one will stop working. This cannot be undone here: only restoring the bundle brings the cases back.</source>
            <translation>Остаётся дел: {0}, уходит: {1}. Уходящие дела записываются в {2}, читаются обратно, чтобы доказать, что восстанавливаются, затем удаляются с этого ноутбука со всеми следами. Хранилище будет переписано под новым ключом; НОВЫЙ код восстановления будет показан один раз, а старый перестанет действовать. Здесь это не отменить: вернуть дела можно только из пакета.</translation>
        </message>
        <message>
            <source>Before anything is removed</source>
            <translation>Прежде чем что-либо удалить</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Назад</translation>
        </message>
        <message>
            <source>Start travel mode</source>
            <translation>Начать поездку</translation>
        </message>
        <message>
            <source>Working. Do not close the laptop.</source>
            <translation>Идёт работа. Не закрывайте ноутбук.</translation>
        </message>
        <message>
            <source>Writing the bundle</source>
            <translation>Запись пакета</translation>
        </message>
        <message>
            <source>Proving it restores in a throw-away vault</source>
            <translation>Проверка восстановления во временном хранилище</translation>
        </message>
        <message>
            <source>Removing the cases left behind</source>
            <translation>Удаление оставляемых дел</translation>
        </message>
        <message>
            <source>Rewriting the vault under a new key</source>
            <translation>Перезапись хранилища под новым ключом</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Остановить</translation>
        </message>
        <message>
            <source>Possible until the removal begins</source>
            <translation>Возможно, пока не началось удаление</translation>
        </message>
        <message>
            <source>The cases left behind were removed; open Travel mode again to finish rewriting the vault under a new key.</source>
            <translation>Оставляемые дела удалены; откройте «Режим поездки» снова, чтобы закончить перезапись хранилища под новым ключом.</translation>
        </message>
        <message>
            <source>The vault was rewritten under a new key: the OLD recovery code no longer opens it. Write this new code on paper now and keep it apart from the laptop; it is shown only this once.</source>
            <translation>Хранилище переписано под новым ключом: СТАРЫЙ код восстановления его больше не открывает. Запишите новый код на бумаге сейчас и храните отдельно от ноутбука; он показывается только один раз.</translation>
        </message>
        <message>
            <source>New recovery code</source>
            <translation>Новый код восстановления</translation>
        </message>
        <message>
            <source>I have &amp;written it down</source>
            <translation>Я &amp;записал(а) его</translation>
        </message>
        <message>
            <source>Satchel then locks: unlock with your passphrase, which has not changed, to go on with the cases you carry.</source>
            <translation>Затем Satchel заблокируется: откройте его своей парольной фразой (она не изменилась), чтобы продолжить работу с делами, которые вы везёте.</translation>
        </message>
        <message>
            <source>Lock and reopen</source>
            <translation>Заблокировать и открыть заново</translation>
        </message>
        <message>
            <source>Recovery code not confirmed</source>
            <translation>Код восстановления не подтверждён</translation>
        </message>
        <message>
            <source>Write the new recovery code down and tick the box: the old code no longer opens the vault, and this one is not shown again.</source>
            <translation>Запишите новый код восстановления и поставьте отметку: старый код больше не открывает хранилище, а этот больше не будет показан.</translation>
        </message>
        <message>
            <source>Bringing the cases back…</source>
            <translation>Дела возвращаются…</translation>
        </message>
        <message>
            <source>Restore from travel</source>
            <translation>Возвращение дел после поездки</translation>
        </message>
        <message>
            <source>The bundle written when the trip began</source>
            <translation>Пакет, записанный в начале поездки</translation>
        </message>
        <message>
            <source>The cases are back: {0} new, {1} changed, {2} conflicts to review, {3} unchanged. The trip is over. Delete the bundle from wherever it is kept once you no longer need it.</source>
            <translation>Дела возвращены: новых {0}, изменённых {1}, конфликтов для проверки {2}, без изменений {3}. Поездка окончена. Когда пакет станет не нужен, удалите его оттуда, где он хранится.</translation>
        </message>
        <message>
            <source>Travel mode since {0}</source>
            <translation>Режим поездки с {0}</translation>
        </message>
        <message>
            <source>make a new recovery code: Settings → Security</source>
            <translation>создайте новый код восстановления: Настройки → Безопасность</translation>
        </message>
    </context>
    <context>
        <name>TypingHints</name>
        <message>
            <source>Typing warning</source>
            <translation>Предупреждение о вводе</translation>
        </message>
        <message>
            <source>Caps Lock is on.</source>
            <translation>Включён Caps Lock.</translation>
        </message>
        <message>
            <source>The keyboard types Cyrillic letters; your passphrase was made in Latin ones.</source>
            <translation>Клавиатура вводит русские буквы, а парольная фраза набрана латиницей.</translation>
        </message>
        <message>
            <source>The keyboard types Latin letters; your passphrase was made in Cyrillic ones.</source>
            <translation>Клавиатура вводит латинские буквы, а парольная фраза набрана кириллицей.</translation>
        </message>
    </context>
    <context>
        <name>UnlockWidget</name>
        <message>
            <source>Satchel — locked</source>
            <translation>Satchel — заблокировано</translation>
        </message>
        <message>
            <source>Satchel</source>
            <translation>Satchel</translation>
        </message>
        <message>
            <source>Your case file is locked.</source>
            <translation>Ваша картотека заблокирована.</translation>
        </message>
        <message>
            <source>&amp;Vault:</source>
            <translation>&amp;Хранилище:</translation>
        </message>
        <message>
            <source>Vault</source>
            <translation>Хранилище</translation>
        </message>
        <message>
            <source>Use &amp;recovery code instead</source>
            <translation>Использовать &amp;код восстановления</translation>
        </message>
        <message>
            <source>Unlock message</source>
            <translation>Сообщение о разблокировке</translation>
        </message>
        <message>
            <source>Unlocking</source>
            <translation>Разблокировка</translation>
        </message>
        <message>
            <source>Create a new vault…</source>
            <translation>Создать хранилище…</translation>
        </message>
        <message>
            <source>Open vault folder…</source>
            <translation>Открыть папку хранилища…</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Открыть</translation>
        </message>
        <message>
            <source>Sho&amp;w passphrase</source>
            <translation>Показать парольную &amp;фразу</translation>
        </message>
        <message>
            <source>Recovery &amp;code:</source>
            <translation>&amp;Код восстановления:</translation>
        </message>
        <message>
            <source>Recovery code</source>
            <translation>Код восстановления</translation>
        </message>
        <message>
            <source>The code you wrote down at creation</source>
            <translation>Код, записанный при создании</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Парольная фраза:</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Парольная фраза</translation>
        </message>
        <message>
            <source>No vault found. Create one or open a vault folder.</source>
            <translation>Хранилище не найдено. Создайте новое или откройте папку хранилища.</translation>
        </message>
        <message>
            <source>Type the recovery code.</source>
            <translation>Введите код восстановления.</translation>
        </message>
        <message>
            <source>Type your passphrase.</source>
            <translation>Введите парольную фразу.</translation>
        </message>
        <message>
            <source>Wrong recovery code. Nothing was changed.</source>
            <translation>Неверный код восстановления. Ничего не изменено.</translation>
        </message>
        <message>
            <source>Wrong passphrase. Nothing was changed.</source>
            <translation>Неверная парольная фраза. Ничего не изменено.</translation>
        </message>
        <message>
            <source>Unlocking…</source>
            <translation>Открываем…</translation>
        </message>
        <message>
            <source>Open vault folder</source>
            <translation>Открыть папку хранилища</translation>
        </message>
        <message>
            <source>This folder holds no Satchel vault.</source>
            <translation>В этой папке нет хранилища Satchel.</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <source>Verify a colleague</source>
            <translation>Проверка коллеги</translation>
        </message>
        <message>
            <source>Call {0} or meet them, and ask them to read their fingerprint from their Satchel (Colleagues page, My card). Compare all 12 groups below. Do not use the channel the card came through.</source>
            <translation>Позвоните {0} или встретьтесь и попросите прочитать отпечаток из их Satchel (страница «Коллеги», «Моя карточка»). Сравните все 12 групп ниже. Не используйте тот канал, по которому пришла карточка.</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>Отпечаток</translation>
        </message>
        <message>
            <source>All 60 digits match what my colleague read to me</source>
            <translation>Все 60 цифр совпадают с тем, что прочитал коллега</translation>
        </message>
        <message>
            <source>Mark verified</source>
            <translation>Отметить как проверенного</translation>
        </message>
    </context>
    <context>
        <name>_CreatePage</name>
        <message>
            <source>Creating your vault</source>
            <translation>Создаём хранилище</translation>
        </message>
        <message>
            <source>Measuring this computer to make the passphrase slow to guess, then creating the encrypted vault. This takes a few seconds.</source>
            <translation>Измеряем скорость компьютера, чтобы подбор парольной фразы был медленным, затем создаём зашифрованное хранилище. Это займёт несколько секунд.</translation>
        </message>
        <message>
            <source>Creating the vault</source>
            <translation>Создание хранилища</translation>
        </message>
    </context>
    <context>
        <name>_IntroPage</name>
        <message>
            <source>Welcome to Satchel</source>
            <translation>Добро пожаловать в Satchel</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>Язык интерфейса</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Язык:</translation>
        </message>
        <message>
            <source>e.g. Anna Petrova, advocate</source>
            <translation>например: Анна Петрова, адвокат</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Ваше имя</translation>
        </message>
        <message>
            <source>Your &amp;name:</source>
            <translation>Ваше &amp;имя:</translation>
        </message>
        <message>
            <source>Shown to colleagues on your identity card when you exchange cases. You can change it later.</source>
            <translation>Коллеги увидят его в вашей визитке при обмене делами. Его можно изменить позже.</translation>
        </message>
        <message>
            <source>Satchel keeps your cases encrypted on this computer. Nothing can be read without your passphrase, and nobody, including the makers of Satchel, can recover it for you.

The next steps choose a passphrase and give you a recovery code.</source>
            <translation>Satchel хранит ваши дела на этом компьютере в зашифрованном виде. Без парольной фразы прочитать ничего нельзя, и никто, включая авторов Satchel, не сможет её восстановить.

Дальше вы выберете парольную фразу и получите код восстановления.</translation>
        </message>
        <message>
            <source>The vault will be created in:</source>
            <translation>Хранилище будет создано в папке:</translation>
        </message>
    </context>
    <context>
        <name>_PassphrasePage</name>
        <message>
            <source>Choose a passphrase</source>
            <translation>Выберите парольную фразу</translation>
        </message>
        <message>
            <source>Several unrelated words are easier to remember and harder to guess than a short password. At least {0} characters.</source>
            <translation>Несколько не связанных между собой слов легче запомнить и труднее подобрать, чем короткий пароль. Не меньше {0} символов.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Парольная фраза</translation>
        </message>
        <message>
            <source>Passphrase again</source>
            <translation>Парольная фраза ещё раз</translation>
        </message>
        <message>
            <source>&amp;Show passphrase</source>
            <translation>&amp;Показать парольную фразу</translation>
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation>Надёжность парольной фразы</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Парольная фраза:</translation>
        </message>
        <message>
            <source>&amp;Again:</source>
            <translation>&amp;Ещё раз:</translation>
        </message>
        <message>
            <source>Strength:</source>
            <translation>Надёжность:</translation>
        </message>
        <message>
            <source>Too short: use at least {0} characters.</source>
            <translation>Слишком короткая: нужно не меньше {0} символов.</translation>
        </message>
        <message>
            <source>Very weak: easy to guess.</source>
            <translation>Очень слабая: легко подобрать.</translation>
        </message>
        <message>
            <source>Weak: add another unrelated word.</source>
            <translation>Слабая: добавьте ещё одно не связанное слово.</translation>
        </message>
        <message>
            <source>Strong.</source>
            <translation>Надёжная.</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>Парольные фразы не совпадают.</translation>
        </message>
    </context>
    <context>
        <name>_RecoveryPage</name>
        <message>
            <source>Your recovery code</source>
            <translation>Ваш код восстановления</translation>
        </message>
        <message>
            <source>Write this code on paper now and keep it somewhere safe, away from this computer. It is shown only this once. If you forget your passphrase, this code is the only way back into your cases. Anyone who has it can open the vault.</source>
            <translation>Запишите этот код на бумаге прямо сейчас и храните его в надёжном месте, отдельно от компьютера. Он показывается только один раз. Если вы забудете парольную фразу, этот код — единственный способ вернуться к вашим делам. Любой, у кого он есть, может открыть хранилище.</translation>
        </message>
        <message>
            <source>Recovery code</source>
            <translation>Код восстановления</translation>
        </message>
        <message>
            <source>I have &amp;written it down</source>
            <translation>Я &amp;записал(а) его</translation>
        </message>
    </context>
    <context>
        <name>_StatusDelegate</name>
        <message>
            <source>Status of the fact</source>
            <translation>Статус факта</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Wrong passphrase or recovery code. Nothing was changed.</source>
            <translation>Неверная парольная фраза или код восстановления. Ничего не изменено.</translation>
        </message>
        <message>
            <source>Unexpected error ({0}). Nothing was changed.</source>
            <translation>Непредвиденная ошибка ({0}). Ничего не изменено.</translation>
        </message>
        <message>
            <source>Adding the document was cancelled; nothing was kept.</source>
            <translation>Добавление документа отменено; ничего не сохранено.</translation>
        </message>
        <message>
            <source>An age recipient holds a 32-byte X25519 key.</source>
            <translation>Получатель age содержит 32-байтовый ключ X25519.</translation>
        </message>
        <message>
            <source>An age recipient is written in lower case.</source>
            <translation>Получатель age пишется строчными буквами.</translation>
        </message>
        <message>
            <source>The agenda needs a non-negative number of weeks</source>
            <translation>Для списка «Сроки и заседания» нужно неотрицательное число недель</translation>
        </message>
        <message>
            <source>{dest} already exists; choose another name. Nothing was written.</source>
            <translation>{dest} уже существует; выберите другое имя. Ничего не записано.</translation>
        </message>
        <message>
            <source>{dest} already exists (use --force to replace it)</source>
            <translation>{dest} уже существует (используйте --force, чтобы заменить)</translation>
        </message>
        <message>
            <source>{dest} appeared meanwhile; nothing was overwritten.</source>
            <translation>{dest} появился за это время; ничего не перезаписано.</translation>
        </message>
        <message>
            <source>the age header was altered (MAC mismatch)</source>
            <translation>заголовок age изменён (MAC не совпадает)</translation>
        </message>
        <message>
            <source>the age header is malformed</source>
            <translation>заголовок age повреждён</translation>
        </message>
        <message>
            <source>the age header is malformed (bad base64)</source>
            <translation>заголовок age повреждён (неверный base64)</translation>
        </message>
        <message>
            <source>the age header is malformed (bad MAC)</source>
            <translation>заголовок age повреждён (неверный MAC)</translation>
        </message>
        <message>
            <source>the age header is malformed (bad recipient line)</source>
            <translation>заголовок age повреждён (неверная строка получателя)</translation>
        </message>
        <message>
            <source>the age header is malformed (bad recipient body)</source>
            <translation>заголовок age повреждён (неверное тело получателя)</translation>
        </message>
        <message>
            <source>the age header is malformed (non-canonical base64)</source>
            <translation>заголовок age повреждён (неканонический base64)</translation>
        </message>
        <message>
            <source>the age header is truncated or too long</source>
            <translation>заголовок age обрезан или слишком длинный</translation>
        </message>
        <message>
            <source>the age scrypt recipient is malformed</source>
            <translation>получатель scrypt в заголовке age повреждён</translation>
        </message>
        <message>
            <source>armored (text) age files are not bundles; use the binary file</source>
            <translation>текстовые (armored) файлы age не являются пакетами; используйте двоичный файл</translation>
        </message>
        <message>
            <source>a case is listed twice</source>
            <translation>дело указано дважды</translation>
        </message>
        <message>
            <source>the bundle contains a {what}; only regular files are allowed</source>
            <translation>пакет содержит {what}; допускаются только обычные файлы</translation>
        </message>
        <message>
            <source>created_at must be a UTC time like 2026-01-31T12:00:00Z</source>
            <translation>created_at должно быть временем UTC вида 2026-01-31T12:00:00Z</translation>
        </message>
        <message>
            <source>created_at is not a real date and time</source>
            <translation>created_at не является существующими датой и временем</translation>
        </message>
        <message>
            <source>the bundle is damaged or was altered ({detail})</source>
            <translation>пакет повреждён или изменён ({detail})</translation>
        </message>
        <message>
            <source>the bundle is damaged, truncated or was altered (age decryption failed)</source>
            <translation>пакет повреждён, обрезан или изменён (расшифровка age не удалась)</translation>
        </message>
        <message>
            <source>{name} has a different size than the manifest says</source>
            <translation>размер {name} отличается от указанного в манифесте</translation>
        </message>
        <message>
            <source>a document ({id}) cannot be stored here: {detail}</source>
            <translation>документ ({id}) нельзя сохранить здесь: {detail}</translation>
        </message>
        <message>
            <source>{where}: a document needs its sha256 and size</source>
            <translation>{where}: у документа должны быть sha256 и размер</translation>
        </message>
        <message>
            <source>a document record has no file in the bundle</source>
            <translation>у записи документа нет файла в пакете</translation>
        </message>
        <message>
            <source>{name} does not match its SHA-256 in the manifest</source>
            <translation>{name} не совпадает со своим SHA-256 в манифесте</translation>
        </message>
        <message>
            <source>duplicate JSON key {key!r}</source>
            <translation>повторяющийся ключ JSON {key!r}</translation>
        </message>
        <message>
            <source>this bundle is encrypted to keys, not to a passphrase</source>
            <translation>этот пакет зашифрован для ключей, а не парольной фразой</translation>
        </message>
        <message>
            <source>the bundle ends before all its members (missing {expect!r}; truncated?)</source>
            <translation>пакет заканчивается раньше, чем все его файлы (нет {expect!r}; обрезан?)</translation>
        </message>
        <message>
            <source>an event in the bundle cites document {id}, which is in a case the bundle does not carry</source>
            <translation>событие в пакете ссылается на документ {id} из дела, которого нет в пакете</translation>
        </message>
        <message>
            <source>the bundle file changed since it was previewed; inspect it again</source>
            <translation>файл пакета изменился после предпросмотра; откройте его заново</translation>
        </message>
        <message>
            <source>the file of document {id} does not match its recorded SHA-256</source>
            <translation>файл документа {id} не совпадает с записанным SHA-256</translation>
        </message>
        <message>
            <source>the files in the bundle do not match its document records</source>
            <translation>файлы в пакете не совпадают с записями его документов</translation>
        </message>
        <message>
            <source>the first listed member must be records.jsonl</source>
            <translation>первым в списке должен быть файл records.jsonl</translation>
        </message>
        <message>
            <source>bundle format version {version!r} is not supported by this Satchel (it reads version {version2}); update Satchel</source>
            <translation>версия формата пакета {version!r} не поддерживается этой версией Satchel (она читает версию {version2}); обновите Satchel</translation>
        </message>
        <message>
            <source>A bundle goes to colleagues or to a passphrase, not both</source>
            <translation>Пакет адресуется либо коллегам, либо по парольной фразе, но не тем и другим сразу</translation>
        </message>
        <message>
            <source>the bundle holds documents though its manifest says not</source>
            <translation>в пакете есть документы, хотя по манифесту их нет</translation>
        </message>
        <message>
            <source>the bundle holds more records than Satchel accepts ({max_records:,})</source>
            <translation>в пакете больше записей, чем принимает Satchel ({max_records:,})</translation>
        </message>
        <message>
            <source>the bundle holds more records than Satchel accepts</source>
            <translation>в пакете больше записей, чем принимает Satchel</translation>
        </message>
        <message>
            <source>the bundle holds notes though its manifest says it does not</source>
            <translation>в пакете есть заметки, хотя по манифесту их нет</translation>
        </message>
        <message>
            <source>{what} holds a number too long to read</source>
            <translation>{what}: число слишком длинное для чтения</translation>
        </message>
        <message>
            <source>{where}: id {rid} appears twice in the bundle</source>
            <translation>{where}: id {rid} встречается в пакете дважды</translation>
        </message>
        <message>
            <source>JSON constant {name} is not allowed</source>
            <translation>константа JSON {name} не допускается</translation>
        </message>
        <message>
            <source>{what} lacks field(s): {items}</source>
            <translation>{what}: не хватает полей: {items}</translation>
        </message>
        <message>
            <source>the list of cases is malformed or too long</source>
            <translation>список дел повреждён или слишком длинный</translation>
        </message>
        <message>
            <source>this bundle is locked with a passphrase; give the passphrase to open it</source>
            <translation>этот пакет защищён парольной фразой; введите её, чтобы открыть пакет</translation>
        </message>
        <message>
            <source>the bundle is malformed (empty final age chunk)</source>
            <translation>пакет повреждён (пустой последний блок age)</translation>
        </message>
        <message>
            <source>the manifest is larger than Satchel accepts</source>
            <translation>манифест больше, чем принимает Satchel</translation>
        </message>
        <message>
            <source>the manifest's member list is malformed</source>
            <translation>список файлов в манифесте повреждён</translation>
        </message>
        <message>
            <source>the manifest's signature is not valid: the bundle was altered or forged</source>
            <translation>подпись манифеста недействительна: пакет изменён или подделан</translation>
        </message>
        <message>
            <source>the manifest says documents are left out but lists files</source>
            <translation>по манифесту документы не включены, но в нём перечислены файлы</translation>
        </message>
        <message>
            <source>the manifest says notes are left out but counts notes</source>
            <translation>по манифесту заметки не включены, но в нём указано их число</translation>
        </message>
        <message>
            <source>a member hash must be 64 lower-case hex digits</source>
            <translation>хеш файла должен состоять из 64 шестнадцатеричных цифр в нижнем регистре</translation>
        </message>
        <message>
            <source>a member is listed twice</source>
            <translation>файл указан дважды</translation>
        </message>
        <message>
            <source>member {name!r} is not files/&lt;its sha256&gt;</source>
            <translation>файл {name!r} не назван как files/&lt;его sha256&gt;</translation>
        </message>
        <message>
            <source>member {name!r} is out of order (expected {expect!r})</source>
            <translation>файл {name!r} не на своём месте (ожидался {expect!r})</translation>
        </message>
        <message>
            <source>the bundle has more files than Satchel accepts</source>
            <translation>в пакете больше файлов, чем принимает Satchel</translation>
        </message>
        <message>
            <source>{what} must be a JSON object</source>
            <translation>{what} должен быть объектом JSON</translation>
        </message>
        <message>
            <source>{what} must be a lower-case UUID</source>
            <translation>{what} должен быть UUID в нижнем регистре</translation>
        </message>
        <message>
            <source>{what} must be a non-empty text of at most {max_len} characters</source>
            <translation>{what} должен быть непустым текстом длиной не более {max_len} символов</translation>
        </message>
        <message>
            <source>{what} must be true or false</source>
            <translation>{what} должен быть true или false</translation>
        </message>
        <message>
            <source>{what} must be a whole number from {lo} to {hi}</source>
            <translation>{what} должен быть целым числом от {lo} до {hi}</translation>
        </message>
        <message>
            <source>the sender is not a verified colleague or the bundle was not sent to you; import it only after explicit consent. {warnings}</source>
            <translation>отправитель не является подтверждённым коллегой или пакет адресован не вам; импортируйте его только с явного согласия. {warnings}</translation>
        </message>
        <message>
            <source>{what} is nested too deeply</source>
            <translation>{what}: слишком глубокая вложенность</translation>
        </message>
        <message>
            <source>no key or passphrase to open the bundle with</source>
            <translation>нет ни ключа, ни парольной фразы, чтобы открыть пакет</translation>
        </message>
        <message>
            <source>this bundle is not encrypted to this vault: you are not among its recipients</source>
            <translation>этот пакет зашифрован не для этого хранилища: вас нет среди получателей</translation>
        </message>
        <message>
            <source>{where} is not a JSON object</source>
            <translation>{where} не является объектом JSON</translation>
        </message>
        <message>
            <source>this is not a Satchel bundle (manifest format)</source>
            <translation>это не пакет Satchel (формат манифеста)</translation>
        </message>
        <message>
            <source>this is not a Satchel bundle (no age v1 header)</source>
            <translation>это не пакет Satchel (нет заголовка age v1)</translation>
        </message>
        <message>
            <source>{what} is not valid JSON ({msg})</source>
            <translation>{what}: недопустимый JSON ({msg})</translation>
        </message>
        <message>
            <source>{what} is not valid UTF-8</source>
            <translation>{what}: недопустимый UTF-8</translation>
        </message>
        <message>
            <source>a passphrase bundle lists no recipient keys</source>
            <translation>в пакете с парольной фразой не указаны ключи получателей</translation>
        </message>
        <message>
            <source>a passphrase bundle must have exactly one scrypt recipient</source>
            <translation>у пакета с парольной фразой должен быть ровно один получатель scrypt</translation>
        </message>
        <message>
            <source>A bundle passphrase needs at least 12 characters</source>
            <translation>Парольная фраза пакета должна содержать не менее 12 символов</translation>
        </message>
        <message>
            <source>the passphrase work factor (2^{log_n}) is above what Satchel accepts (2^{scrypt_log_n_max})</source>
            <translation>сложность парольной фразы (2^{log_n}) выше допустимой в Satchel (2^{scrypt_log_n_max})</translation>
        </message>
        <message>
            <source>a recipient is listed twice</source>
            <translation>получатель указан дважды</translation>
        </message>
        <message>
            <source>a recipient's fingerprint must be 60 digits</source>
            <translation>отпечаток получателя должен состоять из 60 цифр</translation>
        </message>
        <message>
            <source>the recipients list is malformed or too long</source>
            <translation>список получателей повреждён или слишком длинный</translation>
        </message>
        <message>
            <source>the recipients' mode is unknown</source>
            <translation>неизвестный режим получателей</translation>
        </message>
        <message>
            <source>a {kind} record ({id}) belongs to a case the bundle does not list</source>
            <translation>запись «{kind}» ({id}) относится к делу, которого нет в списке пакета</translation>
        </message>
        <message>
            <source>a {kind} record cannot be stored here: {detail}</source>
            <translation>запись «{kind}» нельзя сохранить здесь: {detail}</translation>
        </message>
        <message>
            <source>a {kind} record ({id}) cannot be stored here: {detail}</source>
            <translation>запись «{kind}» ({id}) нельзя сохранить здесь: {detail}</translation>
        </message>
        <message>
            <source>a record is larger than Satchel accepts</source>
            <translation>запись больше, чем принимает Satchel</translation>
        </message>
        <message>
            <source>a {kind} record ({id}) is not valid: {detail}</source>
            <translation>запись «{kind}» ({id}) недопустима: {detail}</translation>
        </message>
        <message>
            <source>a {kind} record ({value}) reuses the id of a {other} record of yours</source>
            <translation>запись «{kind}» ({value}) использует id вашей записи «{other}»</translation>
        </message>
        <message>
            <source>a {kind} record ({id}) says it was created in another vault than the one that created it</source>
            <translation>запись «{kind}» ({id}) указывает другое хранилище-создатель, чем то, что её создало</translation>
        </message>
        <message>
            <source>a {kind} record ({id}) would replace one of yours in a case the bundle does not carry</source>
            <translation>запись «{kind}» ({id}) заменила бы вашу запись в деле, которого нет в пакете</translation>
        </message>
        <message>
            <source>{where}: records are not in the order {items}</source>
            <translation>{where}: записи идут не в порядке {items}</translation>
        </message>
        <message>
            <source>the records do not match the counts in the manifest</source>
            <translation>записи не совпадают с количествами в манифесте</translation>
        </message>
        <message>
            <source>records.jsonl does not end with a line break</source>
            <translation>records.jsonl не заканчивается переводом строки</translation>
        </message>
        <message>
            <source>records.jsonl does not match its SHA-256 in the manifest</source>
            <translation>records.jsonl не совпадает со своим SHA-256 в манифесте</translation>
        </message>
        <message>
            <source>the sender is not among the bundle's recipients</source>
            <translation>отправителя нет среди получателей пакета</translation>
        </message>
        <message>
            <source>the sender's fingerprint does not match the sender's keys</source>
            <translation>отпечаток отправителя не соответствует его ключам</translation>
        </message>
        <message>
            <source>the sender's identity is malformed: {detail}</source>
            <translation>удостоверение отправителя повреждено: {detail}</translation>
        </message>
        <message>
            <source>the sender's name has surrounding spaces</source>
            <translation>в имени отправителя есть пробелы по краям</translation>
        </message>
        <message>
            <source>the signature has the wrong size</source>
            <translation>подпись неверного размера</translation>
        </message>
        <message>
            <source>a tar header carries a link target, prefix or stray bytes</source>
            <translation>заголовок tar содержит цель ссылки, префикс или лишние байты</translation>
        </message>
        <message>
            <source>a tar header carries owner names or device numbers</source>
            <translation>заголовок tar содержит имена владельцев или номера устройств</translation>
        </message>
        <message>
            <source>a tar header has a malformed {what} field</source>
            <translation>в заголовке tar повреждено поле {what}</translation>
        </message>
        <message>
            <source>a tar header is not POSIX ustar</source>
            <translation>заголовок tar не в формате POSIX ustar</translation>
        </message>
        <message>
            <source>a tar header's checksum is wrong (the bundle was altered)</source>
            <translation>неверная контрольная сумма заголовка tar (пакет изменён)</translation>
        </message>
        <message>
            <source>a tar header has an unexpected mode or owner</source>
            <translation>у заголовка tar неожиданные права или владелец</translation>
        </message>
        <message>
            <source>a tar member has a non-ASCII name</source>
            <translation>у файла в tar имя не в ASCII</translation>
        </message>
        <message>
            <source>a tar member's padding is not zero</source>
            <translation>выравнивание файла в tar не заполнено нулями</translation>
        </message>
        <message>
            <source>a tar member has an unsafe path: {name!r}</source>
            <translation>у файла в tar небезопасный путь: {name!r}</translation>
        </message>
        <message>
            <source>the tar stream's end marker is malformed</source>
            <translation>маркер конца потока tar повреждён</translation>
        </message>
        <message>
            <source>there is data after the end of the bundle's tar stream</source>
            <translation>после конца потока tar пакета есть данные</translation>
        </message>
        <message>
            <source>a deletion of a {kind} ({id}) names a case the bundle does not list</source>
            <translation>удаление ({kind}, {id}) называет дело, которого нет в списке пакета</translation>
        </message>
        <message>
            <source>{where}: a case's tombstone must name that case</source>
            <translation>{where}: отметка об удалении дела должна называть само это дело</translation>
        </message>
        <message>
            <source>{where}: a tombstone lists a case twice</source>
            <translation>{where}: отметка об удалении называет дело дважды</translation>
        </message>
        <message>
            <source>{where}: a tombstone's cases must be a list of at most {limit} case ids</source>
            <translation>{where}: дела отметки об удалении должны быть списком не более чем из {limit} id дел</translation>
        </message>
        <message>
            <source>{where}: a tombstone of a kind the manifest says is left out</source>
            <translation>{where}: отметка об удалении записи того вида, который по манифесту не включён</translation>
        </message>
        <message>
            <source>{where}: a tombstone of a {kind} must name the case it was in</source>
            <translation>{where}: отметка об удалении ({kind}) должна называть дело, в котором была запись</translation>
        </message>
        <message>
            <source>{where}: a tombstone's deleted_at must be a UTC time with microseconds</source>
            <translation>{where}: deleted_at отметки об удалении должно быть временем UTC с микросекундами</translation>
        </message>
        <message>
            <source>{where}: a tombstone is larger than Satchel accepts</source>
            <translation>{where}: отметка об удалении больше, чем допускает Satchel</translation>
        </message>
        <message>
            <source>the bundle's deletions are larger than Satchel accepts</source>
            <translation>удаления в пакете больше, чем допускает Satchel</translation>
        </message>
        <message>
            <source>{where}: a tombstone names an unknown kind of record</source>
            <translation>{where}: отметка об удалении называет неизвестный вид записи</translation>
        </message>
        <message>
            <source>the bundle is truncated (age payload cut short)</source>
            <translation>пакет обрезан (данные age оборваны)</translation>
        </message>
        <message>
            <source>the bundle is truncated (age payload missing)</source>
            <translation>пакет обрезан (нет данных age)</translation>
        </message>
        <message>
            <source>the bundle is truncated (a file is cut short)</source>
            <translation>пакет обрезан (файл оборван)</translation>
        </message>
        <message>
            <source>the bundle is truncated (records.jsonl is cut short)</source>
            <translation>пакет обрезан (records.jsonl оборван)</translation>
        </message>
        <message>
            <source>the bundle is truncated (its tar stream is cut short)</source>
            <translation>пакет обрезан (поток tar оборван)</translation>
        </message>
        <message>
            <source>{where}: two documents share a hash but not a size</source>
            <translation>{where}: у двух документов одинаковый хеш, но разный размер</translation>
        </message>
        <message>
            <source>unexpected extra member {name!r}</source>
            <translation>неожиданный лишний файл {name!r}</translation>
        </message>
        <message>
            <source>{what} has unknown field(s): {items}</source>
            <translation>{what}: неизвестные поля: {items}</translation>
        </message>
        <message>
            <source>{where} has an unknown kind {kind!r}</source>
            <translation>{where}: неизвестный вид {kind!r}</translation>
        </message>
        <message>
            <source>unknown member {name!r} (expected {expect!r})</source>
            <translation>неизвестный файл {name!r} (ожидался {expect!r})</translation>
        </message>
        <message>
            <source>{where}: a vault appears twice in versions</source>
            <translation>{where}: хранилище встречается в versions дважды</translation>
        </message>
        <message>
            <source>this vault cannot store {kind} records</source>
            <translation>это хранилище не может хранить записи «{kind}»</translation>
        </message>
        <message>
            <source>the vault changed while the bundle was being written; nothing was kept, try again</source>
            <translation>хранилище изменилось во время записи пакета; ничего не сохранено, повторите попытку</translation>
        </message>
        <message>
            <source>this vault has no identity yet, so no bundle can be addressed to it</source>
            <translation>у этого хранилища ещё нет удостоверения, поэтому ему нельзя адресовать пакет</translation>
        </message>
        <message>
            <source>{where}: versions must be a non-empty list</source>
            <translation>{where}: versions должен быть непустым списком</translation>
        </message>
        <message>
            <source>{where}: versions must be [vault id, edits ≥ 1] pairs</source>
            <translation>{where}: versions должен состоять из пар [id хранилища, правки ≥ 1]</translation>
        </message>
        <message>
            <source>wrong passphrase (nothing was changed)</source>
            <translation>неверная парольная фраза (ничего не изменено)</translation>
        </message>
        <message>
            <source>Cancelled; nothing was changed.</source>
            <translation>Отменено; ничего не изменено.</translation>
        </message>
        <message>
            <source>Cannot change this {label}: {detail}</source>
            <translation>Невозможно изменить запись «{label}»: {detail}</translation>
        </message>
        <message>
            <source>Cannot create a {label}: {detail}</source>
            <translation>Невозможно создать запись «{label}»: {detail}</translation>
        </message>
        <message>
            <source>{what} cannot be empty</source>
            <translation>Не заполнено: {what}</translation>
        </message>
        <message>
            <source>Cannot read {name}: {value}</source>
            <translation>Невозможно прочитать {name}: {value}</translation>
        </message>
        <message>
            <source>Cannot resolve a {kind} conflict in this vault</source>
            <translation>Конфликт «{kind}» нельзя разрешить в этом хранилище</translation>
        </message>
        <message>
            <source>Cannot write {dest}: {value}</source>
            <translation>Невозможно записать {dest}: {value}</translation>
        </message>
        <message>
            <source>Cannot write in {folder}: {value}</source>
            <translation>Невозможно записать в {folder}: {value}</translation>
        </message>
        <message>
            <source>Cannot write the bundle: {reason}. Nothing was kept.</source>
            <translation>Невозможно записать пакет: {reason}. Ничего не сохранено.</translation>
        </message>
        <message>
            <source>Cannot write in {folder}: {reason}. Nothing was written.</source>
            <translation>Невозможно записать в {folder}: {reason}. Ничего не записано.</translation>
        </message>
        <message>
            <source>The card is cut short.</source>
            <translation>Карточка обрезана.</translation>
        </message>
        <message>
            <source>The card's check line does not match: it was altered or mistyped.</source>
            <translation>Контрольная строка карточки не совпадает: карточка изменена или введена с ошибкой.</translation>
        </message>
        <message>
            <source>A case cannot close before it opened</source>
            <translation>Дело не может быть закрыто раньше, чем открыто</translation>
        </message>
        <message>
            <source>Choose a different passphrase: this one is already in use for this vault.</source>
            <translation>Выберите другую парольную фразу: эта уже используется для этого хранилища.</translation>
        </message>
        <message>
            <source>Choose at least one case to export</source>
            <translation>Выберите хотя бы одно дело для экспорта</translation>
        </message>
        <message>
            <source>Choose at least one colleague, or a one-time passphrase</source>
            <translation>Выберите хотя бы одного коллегу или одноразовую парольную фразу</translation>
        </message>
        <message>
            <source>Choose a passphrase that does not look like a recovery code.</source>
            <translation>Выберите парольную фразу, не похожую на код восстановления.</translation>
        </message>
        <message>
            <source>A computed deadline needs an offset in days</source>
            <translation>Для исчисляемого срока нужна продолжительность в днях</translation>
        </message>
        <message>
            <source>A computed deadline takes its date from its source event; give no date</source>
            <translation>Исчисляемый срок берёт дату от исходного события; не указывайте дату</translation>
        </message>
        <message>
            <source>The database file {name} in {folder} is damaged and cannot be opened ({reason}). Restore the vault folder from a backup.</source>
            <translation>Файл базы данных {name} в {folder} повреждён и не может быть открыт ({reason}). Восстановите папку хранилища из резервной копии.</translation>
        </message>
        <message>
            <source>A date is missing</source>
            <translation>Не указана дата</translation>
        </message>
        <message>
            <source>A date needs its year: {text!r}</source>
            <translation>У даты должен быть год: {text!r}</translation>
        </message>
        <message>
            <source>Not a date: {text!r} (for example 14.03.2025, 2025-03-14, March 2025, ~2019, before 3 Mar 2024, 3–10.03.2024, 2024..2025 or unknown)</source>
            <translation>Это не дата: {text!r} (например, 14.03.2025, 2025-03-14, март 2025, ~2019, до 3 марта 2024, 3–10.03.2024, 2024..2025 или «неизвестно»)</translation>
        </message>
        <message>
            <source>A date '{value}' has no end date</source>
            <translation>У даты вида «{value}» нет даты окончания</translation>
        </message>
        <message>
            <source>A day needs a month</source>
            <translation>Для дня нужен месяц</translation>
        </message>
        <message>
            <source>A deadline can only be computed from an event of the same case</source>
            <translation>Срок может исчисляться только от события того же дела</translation>
        </message>
        <message>
            <source>A deadline cannot be computed from itself</source>
            <translation>Срок не может исчисляться от самого себя</translation>
        </message>
        <message>
            <source>That deadline falls outside the calendar</source>
            <translation>Этот срок выходит за пределы календаря</translation>
        </message>
        <message>
            <source>This deadline follows another event's date; move that event, or make the deadline fixed first</source>
            <translation>Этот срок исчисляется от даты другого события; перенесите то событие или сначала сделайте срок фиксированным</translation>
        </message>
        <message>
            <source>A deadline rule is a code such as RU or none, not {rule!r}</source>
            <translation>Правило исчисления срока — это код вроде RU или none, а не {rule!r}</translation>
        </message>
        <message>
            <source>The disk is full; the bundle was not written.</source>
            <translation>Диск заполнен; пакет не записан.</translation>
        </message>
        <message>
            <source>The disk is full; the document was not added and nothing was kept.</source>
            <translation>Диск заполнен; документ не добавлен, ничего не сохранено.</translation>
        </message>
        <message>
            <source>The disk is full; the last change was not saved.</source>
            <translation>Диск заполнен; последнее изменение не сохранено.</translation>
        </message>
        <message>
            <source>The disk is full; {dest} was not written.</source>
            <translation>Диск заполнен; {dest} не записан.</translation>
        </message>
        <message>
            <source>The disk is full; {dest} was not written</source>
            <translation>Диск заполнен; {dest} не записан</translation>
        </message>
        <message>
            <source>The disk is full; the report was not written.</source>
            <translation>Диск заполнен; отчёт не записан.</translation>
        </message>
        <message>
            <source>A file size limit of {limit} bytes (ulimit -f) stopped the write; the vault was not changed. Raise the limit (or run Satchel without it) and try again.</source>
            <translation>Запись остановлена ограничением размера файла в {limit} байт (ulimit -f); хранилище не изменено. Снимите или увеличьте ограничение и повторите попытку.</translation>
        </message>
        <message>
            <source>This vault is on read-only media; nothing can be changed.</source>
            <translation>Хранилище находится на носителе только для чтения; изменить ничего нельзя.</translation>
        </message>
        <message>
            <source>This vault is on read-only media; it cannot be erased there. Destroy the medium itself.</source>
            <translation>Хранилище находится на носителе только для чтения; стереть его там невозможно. Уничтожьте сам носитель.</translation>
        </message>
        <message>
            <source>This vault is on read-only media and needs an update by this version of Satchel, which cannot be written there. Copy the vault folder to a writable disk to open it; nothing was changed.</source>
            <translation>Хранилище находится на носителе только для чтения, и этой версии Satchel нужно его обновить, а записать туда ничего нельзя. Скопируйте папку хранилища на диск, доступный для записи, и откройте её оттуда; ничего не изменено.</translation>
        </message>
        <message>
            <source>The disk is full; nothing was imported and the vault is as it was.</source>
            <translation>Диск заполнен; ничего не импортировано, хранилище осталось прежним.</translation>
        </message>
        <message>
            <source>The disk is full; the vault was not changed. Free some space and try again.</source>
            <translation>Диск заполнен; хранилище не изменено. Освободите место и повторите попытку.</translation>
        </message>
        <message>
            <source>A display name cannot contain control or invisible format characters.</source>
            <translation>Отображаемое имя не может содержать управляющие или невидимые символы форматирования.</translation>
        </message>
        <message>
            <source>A display name cannot be empty.</source>
            <translation>Отображаемое имя не может быть пустым.</translation>
        </message>
        <message>
            <source>A display name has at most {max_name_len} characters.</source>
            <translation>Отображаемое имя содержит не более {max_name_len} символов.</translation>
        </message>
        <message>
            <source>A document cannot expire before it was issued</source>
            <translation>Срок действия документа не может истечь раньше даты выдачи</translation>
        </message>
        <message>
            <source>The document {filename} needs its file to be imported</source>
            <translation>Для импорта документа {filename} нужен его файл</translation>
        </message>
        <message>
            <source>A document needs a file name</source>
            <translation>У документа должно быть имя файла</translation>
        </message>
        <message>
            <source>A document ({sha256}…) no longer matches the SHA-256 recorded at intake; the bundle was not written.</source>
            <translation>Документ ({sha256}…) больше не совпадает с SHA-256, записанным при приёме; пакет не записан.</translation>
        </message>
        <message>
            <source>A document's size and SHA-256 are not valid</source>
            <translation>Размер и SHA-256 документа недопустимы</translation>
        </message>
        <message>
            <source>The Ed25519 key must be the base64 of 32 bytes.</source>
            <translation>Ключ Ed25519 должен быть base64 от 32 байт.</translation>
        </message>
        <message>
            <source>The Ed25519 key is not valid base64.</source>
            <translation>Ключ Ed25519 — недопустимый base64.</translation>
        </message>
        <message>
            <source>An Ed25519 seed is 32 bytes.</source>
            <translation>Зерно Ed25519 — 32 байта.</translation>
        </message>
        <message>
            <source>The end date lies before the start date</source>
            <translation>Дата окончания раньше даты начала</translation>
        </message>
        <message>
            <source>Enter the passphrase, not the recovery code. Nothing was changed.</source>
            <translation>Введите парольную фразу, а не код восстановления. Ничего не изменено.</translation>
        </message>
        <message>
            <source>This event is not a deadline</source>
            <translation>Это событие не является сроком</translation>
        </message>
        <message>
            <source>Only an event of type Deadline has a deadline's status and due date; choose the type Deadline</source>
            <translation>Статус и дата истечения срока есть только у события типа «Срок»; выберите тип «Срок»</translation>
        </message>
        <message>
            <source>An exact time needs a day, hour, minute and time zone</source>
            <translation>Для точного времени нужны день, час, минута и часовой пояс</translation>
        </message>
        <message>
            <source>An exact time needs a time zone</source>
            <translation>Для точного времени нужен часовой пояс</translation>
        </message>
        <message>
            <source>Export cancelled; no file was written.</source>
            <translation>Экспорт отменён; файл не записан.</translation>
        </message>
        <message>
            <source>Field {name!r} must be {want}, not {shown}</source>
            <translation>Поле {name!r} должно быть {want}, а не {shown}</translation>
        </message>
        <message>
            <source>The file for {filename} does not match its recorded size and SHA-256; it was not imported.</source>
            <translation>Файл {filename} не совпадает с записанными размером и SHA-256; он не импортирован.</translation>
        </message>
        <message>
            <source>The file is longer than recorded.</source>
            <translation>Файл длиннее, чем записано.</translation>
        </message>
        <message>
            <source>File not found: {name}</source>
            <translation>Файл не найден: {name}</translation>
        </message>
        <message>
            <source>{dest} is a folder; choose a file name</source>
            <translation>{dest} — это папка; выберите имя файла</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist. Nothing was written.</source>
            <translation>Папка {folder} не существует. Ничего не записано.</translation>
        </message>
        <message>
            <source>{name} is a folder, not a file</source>
            <translation>{name} — это папка, а не файл</translation>
        </message>
        <message>
            <source>The id prefix {conflict_id} names more than one conflict</source>
            <translation>Начало id {conflict_id} подходит к нескольким конфликтам</translation>
        </message>
        <message>
            <source>The id prefix {id_or_prefix} names more than one {label}; type more of it</source>
            <translation>Начало id {id_or_prefix} подходит к нескольким записям «{label}»; введите больше символов</translation>
        </message>
        <message>
            <source>{label} {id}: {detail}</source>
            <translation>Запись «{label}» {id}: {detail}</translation>
        </message>
        <message>
            <source>The key contains a character that bech32 does not use.</source>
            <translation>В ключе есть символ, которого нет в bech32.</translation>
        </message>
        <message>
            <source>The key's checksum does not match: it was mistyped or cut short.</source>
            <translation>Контрольная сумма ключа не совпадает: он введён с ошибкой или обрезан.</translation>
        </message>
        <message>
            <source>The key has stray padding bits.</source>
            <translation>В ключе лишние биты выравнивания.</translation>
        </message>
        <message>
            <source>The keyslots file is damaged: {reason}. The vault cannot be opened from this copy; restore the vault folder from a backup.</source>
            <translation>Файл ключевых слотов повреждён: {reason}. Из этой копии хранилище открыть нельзя; восстановите папку хранилища из резервной копии.</translation>
        </message>
        <message>
            <source>Line '{key}: ...' is missing or out of order in the card.</source>
            <translation>Строка «{key}: ...» отсутствует в карточке или стоит не на своём месте.</translation>
        </message>
        <message>
            <source>Malformed {record_class}: {detail}</source>
            <translation>Повреждённая запись {record_class}: {detail}</translation>
        </message>
        <message>
            <source>The merged record must keep the record's id</source>
            <translation>Объединённая запись должна сохранить id записи</translation>
        </message>
        <message>
            <source>A merged resolution needs the merged record</source>
            <translation>Для объединения нужна объединённая запись</translation>
        </message>
        <message>
            <source>Missing field {prefix}{name!r}</source>
            <translation>Отсутствует поле {prefix}{name!r}</translation>
        </message>
        <message>
            <source>{value} has more than {max_list_items:,} entries</source>
            <translation>{value}: больше {max_list_items:,} элементов</translation>
        </message>
        <message>
            <source>{what} must be between {lo} and {hi}, not {value}</source>
            <translation>{what}: должно быть от {lo} до {hi}, а не {value}</translation>
        </message>
        <message>
            <source>A {kind} must be an object</source>
            <translation>Запись «{kind}» должна быть объектом</translation>
        </message>
        <message>
            <source>No case with id {case_id}</source>
            <translation>Нет дела с id {case_id}</translation>
        </message>
        <message>
            <source>No colleague {name}</source>
            <translation>Нет коллеги {name}</translation>
        </message>
        <message>
            <source>No conflict with id {conflict_id}</source>
            <translation>Нет конфликта с id {conflict_id}</translation>
        </message>
        <message>
            <source>No document with id {did}</source>
            <translation>Нет документа с id {did}</translation>
        </message>
        <message>
            <source>No event with id {computed_from}</source>
            <translation>Нет события с id {computed_from}</translation>
        </message>
        <message>
            <source>No event with id {event_id}</source>
            <translation>Нет события с id {event_id}</translation>
        </message>
        <message>
            <source>No {label} with id {id_or_prefix}</source>
            <translation>Нет записи «{label}» с id {id_or_prefix}</translation>
        </message>
        <message>
            <source>No {label} with id {record_id}</source>
            <translation>Нет записи «{label}» с id {record_id}</translation>
        </message>
        <message>
            <source>No person with id {pid}</source>
            <translation>Нет человека с id {pid}</translation>
        </message>
        <message>
            <source>No person with id {person_id}</source>
            <translation>Нет человека с id {person_id}</translation>
        </message>
        <message>
            <source>No Satchel card found (it starts with the line {card_header}).</source>
            <translation>Карточка Satchel не найдена (она начинается со строки {card_header}).</translation>
        </message>
        <message>
            <source>No such day: {year:04d}-{month:02d}-{day:02d}</source>
            <translation>Нет такого дня: {day:02d}.{month:02d}.{year:04d}</translation>
        </message>
        <message>
            <source>No such folder: {folder}</source>
            <translation>Нет такой папки: {folder}</translation>
        </message>
        <message>
            <source>No such month: {month}</source>
            <translation>Нет такого месяца: {month}</translation>
        </message>
        <message>
            <source>No such time: {hour:02d}:{minute:02d}</source>
            <translation>Нет такого времени: {hour:02d}:{minute:02d}</translation>
        </message>
        <message>
            <source>No such time: {value!r} (seconds go up to 59)</source>
            <translation>Нет такого времени: {value!r} (секунд не больше 59)</translation>
        </message>
        <message>
            <source>No such time zone offset: {tz!r}</source>
            <translation>Нет такого смещения часового пояса: {tz!r}</translation>
        </message>
        <message>
            <source>There is no decoy to open from this vault. Set a duress passphrase first; a decoy made by an older version of Satchel cannot be opened from here: set the duress passphrase again to make a new one. Nothing was changed.</source>
            <translation>У этого хранилища нет приманки, которую можно открыть. Сначала задайте парольную фразу под принуждением; приманку, созданную более старой версией Satchel, отсюда не открыть: задайте фразу под принуждением заново, чтобы создать новую. Ничего не изменено.</translation>
        </message>
        <message>
            <source>No vault at {folder}: the folder or its keyslots file does not exist.</source>
            <translation>В {folder} нет хранилища: папки или её файла ключевых слотов не существует.</translation>
        </message>
        <message>
            <source>No vault at {folder}: its keyslots file does not exist.</source>
            <translation>В {folder} нет хранилища: файла ключевых слотов не существует.</translation>
        </message>
        <message>
            <source>No vault at {folder}: nothing to wipe.</source>
            <translation>В {folder} нет хранилища: уничтожать нечего.</translation>
        </message>
        <message>
            <source>Not an {hrp}1... key.</source>
            <translation>Это не ключ {hrp}1...</translation>
        </message>
        <message>
            <source>Not an age recipient (it starts with age1)</source>
            <translation>Это не получатель age (он начинается с age1)</translation>
        </message>
        <message>
            <source>Not a day: {text!r} (use YYYY-MM-DD or DD.MM.YYYY)</source>
            <translation>Это не день: {text!r} (пишите ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)</translation>
        </message>
        <message>
            <source>Not a date: {text!r} (use DD.MM.YYYY, YYYY-MM-DD, MM.YYYY, YYYY-MM, YYYY or YYYY-MM-DDTHH:MM+HH:MM)</source>
            <translation>Это не дата: {text!r} (пишите ДД.ММ.ГГГГ, ГГГГ-ММ-ДД, ММ.ГГГГ, ГГГГ-ММ, ГГГГ или ГГГГ-ММ-ДДTЧЧ:ММ+ЧЧ:ММ)</translation>
        </message>
        <message>
            <source>Not a media type: {media_type!r}</source>
            <translation>Это не тип данных (media type): {media_type!r}</translation>
        </message>
        <message>
            <source>Not a record id: {id!r}</source>
            <translation>Это не id записи: {id!r}</translation>
        </message>
        <message>
            <source>{name} is {value}, not a regular file; it was not read</source>
            <translation>{name} — {value}, а не обычный файл; не прочитано</translation>
        </message>
        <message>
            <source>Not a time: {text!r}</source>
            <translation>Это не время: {text!r}</translation>
        </message>
        <message>
            <source>The {what} is not UTF-8 text; nothing was changed</source>
            <translation>Это не текст UTF-8 ({what}); ничего не изменено</translation>
        </message>
        <message>
            <source>{what} is not valid text (it holds undecodable bytes)</source>
            <translation>{what}: недопустимый текст (в нём нераспознаваемые байты)</translation>
        </message>
        <message>
            <source>An offset in days needs the event it counts from</source>
            <translation>Для продолжительности в днях нужно событие, от которого исчисляется срок</translation>
        </message>
        <message>
            <source>Only one name can be the primary name</source>
            <translation>Основным может быть только одно имя</translation>
        </message>
        <message>
            <source>A page needs a non-negative limit and offset</source>
            <translation>Для страницы нужны неотрицательные предел и смещение</translation>
        </message>
        <message>
            <source>The passphrase cannot be empty.</source>
            <translation>Парольная фраза не может быть пустой.</translation>
        </message>
        <message>
            <source>This person already has the role {kind_value} in this case</source>
            <translation>У этого человека уже есть роль {kind_value} в этом деле</translation>
        </message>
        <message>
            <source>A person needs a name</source>
            <translation>У человека должно быть имя</translation>
        </message>
        <message>
            <source>pyrage does not accept this age recipient.</source>
            <translation>pyrage не принимает этого получателя age.</translation>
        </message>
        <message>
            <source>A range needs an end date</source>
            <translation>Для периода нужна дата окончания</translation>
        </message>
        <message>
            <source>Reading the file failed: {value}; nothing was kept.</source>
            <translation>Не удалось прочитать файл: {value}; ничего не сохранено.</translation>
        </message>
        <message>
            <source>A record was deleted while the bundle was being written; try again.</source>
            <translation>Во время записи пакета была удалена запись; повторите попытку.</translation>
        </message>
        <message>
            <source>A record is too large for a bundle; nothing was written</source>
            <translation>Запись слишком велика для пакета; ничего не записано</translation>
        </message>
        <message>
            <source>The recovery slot does not name a passphrase slot.</source>
            <translation>Слот восстановления не указывает на слот парольной фразы.</translation>
        </message>
        <message>
            <source>{dest} is {value}; only a regular file may be replaced</source>
            <translation>{dest} — {value}; заменить можно только обычный файл</translation>
        </message>
        <message>
            <source>A reminder lead time cannot be negative</source>
            <translation>Время напоминания не может быть отрицательным</translation>
        </message>
        <message>
            <source>Could not start the report (the printer or file refused).</source>
            <translation>Не удалось начать отчёт (принтер или файл отказали).</translation>
        </message>
        <message>
            <source>The report could not be laid out (its process failed). Nothing was written.</source>
            <translation>Не удалось сверстать отчёт (сбой процесса вёрстки). Ничего не записано.</translation>
        </message>
        <message>
            <source>The report's process could not be started: {value}. Nothing was written.</source>
            <translation>Не удалось запустить процесс вёрстки отчёта: {value}. Ничего не записано.</translation>
        </message>
        <message>
            <source>Page {page} of the report could not be printed.</source>
            <translation>Не удалось напечатать страницу {page} отчёта.</translation>
        </message>
        <message>
            <source>Row {row}: a contact needs a value.</source>
            <translation>Строка {row}: у контакта должно быть значение.</translation>
        </message>
        <message>
            <source>Row {row}: write dates as DD.MM.YYYY, YYYY-MM-DD, MM.YYYY or YYYY.</source>
            <translation>Строка {row}: пишите даты как ДД.ММ.ГГГГ, ГГГГ-ММ-ДД, ММ.ГГГГ или ГГГГ.</translation>
        </message>
        <message>
            <source>Row {row}: a document needs its number.</source>
            <translation>Строка {row}: у документа должен быть номер.</translation>
        </message>
        <message>
            <source>The same {label} appears twice in one import</source>
            <translation>Одна и та же запись «{label}» встречается в одном импорте дважды</translation>
        </message>
        <message>
            <source>This setting cannot be changed for this vault.</source>
            <translation>Эту настройку нельзя изменить для этого хранилища.</translation>
        </message>
        <message>
            <source>Setting {key!r} cannot hold this value: {detail}</source>
            <translation>Настройка {key!r} не может принять это значение: {detail}</translation>
        </message>
        <message>
            <source>A setting needs a name</source>
            <translation>У настройки должно быть имя</translation>
        </message>
        <message>
            <source>This signing key already belongs to the colleague {name}</source>
            <translation>Этот ключ подписи уже принадлежит коллеге {name}</translation>
        </message>
        <message>
            <source>The stored age secret key does not parse.</source>
            <translation>Хранимый секретный ключ age не читается.</translation>
        </message>
        <message>
            <source>The stored copy of {filename} does not match the SHA-256 recorded when it was added: it is damaged. Restore it from a bundle or from the original.</source>
            <translation>Хранимая копия {filename} не совпадает с SHA-256, записанным при добавлении: она повреждена. Восстановите её из пакета или из оригинала.</translation>
        </message>
        <message>
            <source>There is already a vault at {folder}. Choose another folder; nothing was changed.</source>
            <translation>В {folder} уже есть хранилище. Выберите другую папку; ничего не изменено.</translation>
        </message>
        <message>
            <source>These cases hold {records:,} records ({value:.0f} MiB of text), more than one bundle may carry ({max_records:,} records, {value2} MiB); export fewer cases at a time</source>
            <translation>В этих делах {records:,} записей ({value:.0f} МиБ текста) — больше, чем вмещает один пакет ({max_records:,} записей, {value2} МиБ); экспортируйте меньше дел за раз</translation>
        </message>
        <message>
            <source>A time needs a time zone</source>
            <translation>Для времени нужен часовой пояс</translation>
        </message>
        <message>
            <source>A time needs a time zone: {text!r}</source>
            <translation>Для времени нужен часовой пояс: {text!r}</translation>
        </message>
        <message>
            <source>A time needs a time zone: {text!r} (e.g. 2025-08-14T10:30+03:00)</source>
            <translation>Для времени нужен часовой пояс: {text!r} (например, 2025-08-14T10:30+03:00)</translation>
        </message>
        <message>
            <source>Time zone offset out of range</source>
            <translation>Смещение часового пояса вне допустимого диапазона</translation>
        </message>
        <message>
            <source>The {what} is too large (more than {value}); it was not read</source>
            <translation>Слишком большой объём ({what}: больше {value}); не прочитано</translation>
        </message>
        <message>
            <source>{filename} is {size}, too large to show here (the limit is {max_bytes}); export a copy to open it.</source>
            <translation>{filename} занимает {size} — слишком много для показа здесь (предел {max_bytes}); экспортируйте копию, чтобы открыть её.</translation>
        </message>
        <message>
            <source>Too long a chain of computed deadlines</source>
            <translation>Слишком длинная цепочка исчисляемых сроков</translation>
        </message>
        <message>
            <source>{what} is too long: at most {limit:,} characters</source>
            <translation>{what}: слишком длинно, не более {limit:,} символов</translation>
        </message>
        <message>
            <source>This {kind} belonged to a case that is no longer here; restore the case first</source>
            <translation>{kind}: относится к делу, которого больше нет; сначала восстановите дело</translation>
        </message>
        <message>
            <source>The file of {filename} is no longer stored; it cannot be restored.</source>
            <translation>Файл {filename} больше не хранится; его нельзя восстановить.</translation>
        </message>
        <message>
            <source>A {kind} cannot be deleted into the trash</source>
            <translation>{kind}: нельзя удалить в корзину</translation>
        </message>
        <message>
            <source>Nothing with id {record_id} is in the trash</source>
            <translation>В корзине нет ничего с id {record_id}</translation>
        </message>
        <message>
            <source>The id prefix {id_or_prefix} names more than one item in the trash</source>
            <translation>Начало id {id_or_prefix} подходит к нескольким объектам в корзине</translation>
        </message>
        <message>
            <source>An undated event has no date</source>
            <translation>У события без даты нет даты</translation>
        </message>
        <message>
            <source>Unknown deadline rule {rule!r}: use one of {items} or a country code for its public holidays</source>
            <translation>Неизвестное правило исчисления срока {rule!r}: используйте одно из {items} или код страны для её праздничных дней</translation>
        </message>
        <message>
            <source>Unknown field {prefix}{name!r}</source>
            <translation>Неизвестное поле {prefix}{name!r}</translation>
        </message>
        <message>
            <source>Unknown {name} {value!r} (one of: {allowed})</source>
            <translation>Неизвестное значение {name} {value!r} (допустимо: {allowed})</translation>
        </message>
        <message>
            <source>Unknown order {order!r} (updated or title)</source>
            <translation>Неизвестный порядок {order!r} (updated или title)</translation>
        </message>
        <message>
            <source>Unknown record kind {kind!r}</source>
            <translation>Неизвестный вид записи {kind!r}</translation>
        </message>
        <message>
            <source>The vault at {folder} is already open in another Satchel window or process. Close it there first; nothing was changed.</source>
            <translation>Хранилище в {folder} уже открыто в другом окне или процессе Satchel. Сначала закройте его там; ничего не изменено.</translation>
        </message>
        <message>
            <source>The vault is locked. Unlock it to continue.</source>
            <translation>Хранилище заблокировано. Разблокируйте его, чтобы продолжить.</translation>
        </message>
        <message>
            <source>The vault was locked while a document was being read.</source>
            <translation>Хранилище было заблокировано во время чтения документа.</translation>
        </message>
        <message>
            <source>This vault's identity keys are damaged: {detail}</source>
            <translation>Ключи удостоверения этого хранилища повреждены: {detail}</translation>
        </message>
        <message>
            <source>This is this vault's own card, not a colleague's.</source>
            <translation>Это карточка самого этого хранилища, а не коллеги.</translation>
        </message>
        <message>
            <source>This vault was written by a newer Satchel (schema {old}; this version knows up to {latest_version}). Update Satchel to open it; nothing was changed.</source>
            <translation>Это хранилище записано более новой версией Satchel (схема {old}; эта версия знает схемы до {latest_version}). Обновите Satchel, чтобы открыть его; ничего не изменено.</translation>
        </message>
        <message>
            <source>A version vector needs one positive count per vault</source>
            <translation>В векторе версий нужно по одному положительному счётчику на хранилище</translation>
        </message>
        <message>
            <source>Winter spans two years: type its months, e.g. 12.2019–02.2020 ({text!r})</source>
            <translation>Зима приходится на два года: укажите месяцы, например 12.2019–02.2020 ({text!r})</translation>
        </message>
        <message>
            <source>This would make deadlines computed from each other in a circle</source>
            <translation>Так сроки исчислялись бы друг от друга по кругу</translation>
        </message>
        <message>
            <source>Year out of range: {year} (use {min_year}–{max_year})</source>
            <translation>Год вне допустимого диапазона: {year} (допустимо {min_year}–{max_year})</translation>
        </message>
        <message>
            <source>This vault has a duress passphrase: give it too, so that it keeps opening the decoy. Nothing was changed.</source>
            <translation>В этом хранилище задана парольная фраза под принуждением: укажите и её, чтобы она по-прежнему открывала хранилище-приманку. Ничего не изменено.</translation>
        </message>
        <message>
            <source>A trip is already on (since {since}). Restore its bundle first; nothing was changed.</source>
            <translation>Поездка уже идёт (с {since}). Сначала восстановите её пакет; ничего не изменено.</translation>
        </message>
        <message>
            <source>Write the travel bundle outside the vault folder {folder}: it would be removed or found with the vault. Nothing was changed.</source>
            <translation>Запишите пакет поездки вне папки хранилища {folder}: там он был бы удалён или найден вместе с хранилищем. Ничего не изменено.</translation>
        </message>
        <message>
            <source>the travel bundle did not restore identically ({missing} missing, {differ} different); nothing was removed</source>
            <translation>пакет поездки не восстановился в точности (отсутствует: {missing}, отличается: {differ}); ничего не удалено</translation>
        </message>
        <message>
            <source>{name} is not a verified colleague: compare fingerprints first. Nothing was changed.</source>
            <translation>{name} — не проверенный коллега: сначала сверьте отпечатки. Ничего не изменено.</translation>
        </message>
        <message>
            <source>the travel bundle is not signed by this vault</source>
            <translation>пакет поездки подписан не этим хранилищем</translation>
        </message>
        <message>
            <source>this is not a travel bundle of this vault (it was signed by {name})</source>
            <translation>это не пакет поездки этого хранилища (его подписал(а) {name})</translation>
        </message>
        <message>
            <source>Every case is carried: nothing would be left behind. Nothing was changed.</source>
            <translation>Все дела берутся с собой: оставлять нечего. Ничего не изменено.</translation>
        </message>
        <message>
            <source>That is not this vault's duress passphrase. Nothing was changed.</source>
            <translation>Это не парольная фраза под принуждением этого хранилища. Ничего не изменено.</translation>
        </message>
        <message>
            <source>the bundle has no manifest</source>
            <translation>в пакете нет манифеста</translation>
        </message>
        <message>
            <source>Case {case} is not shared with {name} (satchel share add)</source>
            <translation>Дело {case} не разделено с {name} (satchel share add)</translation>
        </message>
        <message>
            <source>The exchange folder {folder} is not there (is the drive connected?). Nothing was changed.</source>
            <translation>Папки обмена {folder} нет на месте (подключён ли диск?). Ничего не изменено.</translation>
        </message>
        <message>
            <source>{folder} is not a folder. Nothing was changed.</source>
            <translation>{folder} — не папка. Ничего не изменено.</translation>
        </message>
        <message>
            <source>No exchange folder is set (satchel exchange folder PATH)</source>
            <translation>Папка обмена не задана (satchel exchange folder ПУТЬ)</translation>
        </message>
        <message>
            <source>Cannot read the exchange folder {folder}: {reason}</source>
            <translation>Не удаётся прочитать папку обмена {folder}: {reason}</translation>
        </message>
        <message>
            <source>The sender is not a verified colleague or the bundle was not sent to you; check the fingerprint, then accept it. Nothing was changed.</source>
            <translation>Отправитель не является проверенным коллегой, или пакет адресован не вам; сверьте отпечаток, затем примите пакет. Ничего не изменено.</translation>
        </message>
        <message>
            <source>Keep outgoing bundles between 1 and {max} days</source>
            <translation>Исходящие пакеты можно хранить от 1 до {max} дней</translation>
        </message>
        <message>
            <source>No bundle {name} in the exchange folder</source>
            <translation>В папке обмена нет пакета {name}</translation>
        </message>
        <message>
            <source>No share {id}</source>
            <translation>Нет общего доступа {id}</translation>
        </message>
        <message>
            <source>{name}'s key changed or was never verified: compare fingerprints again before anything more is sent to them.</source>
            <translation>Ключ коллеги {name} изменился или не был проверен: снова сверьте отпечатки, прежде чем отправлять ему что-либо ещё.</translation>
        </message>
        <message>
            <source>Compare {name}'s fingerprint with them and mark it verified before sharing a case with them: a share sends again and again, without asking each time.</source>
            <translation>Сверьте отпечаток с коллегой {name} и отметьте его как проверенный, прежде чем делиться с ним делом: общее дело отправляется снова и снова, не спрашивая каждый раз.</translation>
        </message>
        <message>
            <source>case</source>
            <translation>дело</translation>
        </message>
        <message>
            <source>person</source>
            <translation>человек</translation>
        </message>
        <message>
            <source>event</source>
            <translation>событие</translation>
        </message>
        <message>
            <source>document</source>
            <translation>документ</translation>
        </message>
        <message>
            <source>note</source>
            <translation>заметка</translation>
        </message>
        <message>
            <source>role</source>
            <translation>роль</translation>
        </message>
        <message>
            <source>colleague</source>
            <translation>коллега</translation>
        </message>
        <message>
            <source>record</source>
            <translation>запись</translation>
        </message>
        <message>
            <source>conflict</source>
            <translation>конфликт</translation>
        </message>
        <message>
            <source>the file is missing</source>
            <translation>файл отсутствует</translation>
        </message>
        <message>
            <source>the file is empty</source>
            <translation>файл пуст</translation>
        </message>
        <message>
            <source>it holds no tables</source>
            <translation>в нём нет таблиц</translation>
        </message>
        <message>
            <source>A case title</source>
            <translation>название дела</translation>
        </message>
        <message>
            <source>A colleague's name</source>
            <translation>имя коллеги</translation>
        </message>
        <message>
            <source>A contact</source>
            <translation>контакт</translation>
        </message>
        <message>
            <source>A name</source>
            <translation>имя</translation>
        </message>
        <message>
            <source>A note</source>
            <translation>заметка</translation>
        </message>
        <message>
            <source>A reference number</source>
            <translation>номер в реквизитах дела</translation>
        </message>
        <message>
            <source>A signing key</source>
            <translation>ключ подписи</translation>
        </message>
        <message>
            <source>An event title</source>
            <translation>название события</translation>
        </message>
        <message>
            <source>An identity document number</source>
            <translation>номер документа, удостоверяющего личность</translation>
        </message>
        <message>
            <source>Bundle rejected: {reason}</source>
            <translation>Пакет отклонён: {reason}</translation>
        </message>
    </context>
    <context>
        <name>DeadlineWords</name>
        <message>
            <source>%1 is not a working day (%2); this rule does not move it.</source>
            <translation>%1 — нерабочий день (%2); по этому правилу срок не переносится.</translation>
        </message>
        <message>
            <source>%1 → %2, %3</source>
            <translation>%1 → %2, %3</translation>
        </message>
        <message>
            <source>A last day on a holiday moves to the next working day: Turkish Code of Criminal Procedure (CMK), art. 39(4).</source>
            <translation>Последний день, выпавший на праздник, переносится на следующий рабочий день: ч. 4 ст. 39 УПК Турции (CMK).</translation>
        </message>
        <message>
            <source>A last day on a weekend or public holiday moves to the next working day (Code of Criminal Procedure of Kazakhstan).</source>
            <translation>Последний день, выпавший на выходной или праздник, переносится на следующий рабочий день (УПК Республики Казахстан).</translation>
        </message>
        <message>
            <source>A last day on a weekend or public holiday moves to the next working day (Code of Criminal Procedure of Kyrgyzstan).</source>
            <translation>Последний день, выпавший на выходной или праздник, переносится на следующий рабочий день (УПК Кыргызской Республики).</translation>
        </message>
        <message>
            <source>A last day on a weekend or public holiday moves to the next working day (Code of Criminal Procedure of Uzbekistan).</source>
            <translation>Последний день, выпавший на выходной или праздник, переносится на следующий рабочий день (УПК Республики Узбекистан).</translation>
        </message>
        <message>
            <source>A last day on a weekend or public holiday moves to the next working day (Criminal Procedure Code of Armenia).</source>
            <translation>Последний день, выпавший на выходной или праздник, переносится на следующий рабочий день (УПК Республики Армения).</translation>
        </message>
        <message>
            <source>A last day on a weekend or public holiday moves to the next working day (Criminal Procedure Code of Georgia).</source>
            <translation>Последний день, выпавший на выходной или праздник, переносится на следующий рабочий день (УПК Грузии).</translation>
        </message>
        <message>
            <source>A last day on a weekend or public holiday moves to the next working day: Code of Criminal Procedure of the Russian Federation, art. 128(2) (not for custody terms).</source>
            <translation>Последний день, выпавший на выходной или праздник, переносится на следующий рабочий день: ч. 2 ст. 128 УПК РФ (кроме сроков содержания под стражей).</translation>
        </message>
        <message>
            <source>A last day on a weekend or public holiday of %1 moves to the next working day (your choice for this deadline; no legal source recorded).</source>
            <translation>Последний день, выпавший на выходной или праздник страны %1, переносится на следующий рабочий день (выбрано для этого срока; правовой источник не указан).</translation>
        </message>
        <message>
            <source>A time limit ending on a Saturday, Sunday or holiday is not extended: Sabri Güneş v. Turkey [GC], no. 27396/06, 29 June 2012.</source>
            <translation>Срок, истекающий в субботу, воскресенье или праздник, не продлевается: «Сабри Гюнеш против Турции» [БП], № 27396/06, 29 июня 2012 г.</translation>
        </message>
        <message>
            <source>Armenia</source>
            <translation>Армения</translation>
        </message>
        <message>
            <source>European Court of Human Rights (never moved)</source>
            <translation>ЕСПЧ (срок не переносится)</translation>
        </message>
        <message>
            <source>Georgia</source>
            <translation>Грузия</translation>
        </message>
        <message>
            <source>Kazakhstan</source>
            <translation>Казахстан</translation>
        </message>
        <message>
            <source>Kyrgyzstan</source>
            <translation>Кыргызстан</translation>
        </message>
        <message>
            <source>No rollover (day as counted)</source>
            <translation>Без переноса (день по счёту)</translation>
        </message>
        <message>
            <source>Public holidays of %1</source>
            <translation>Праздники: %1</translation>
        </message>
        <message>
            <source>Russia</source>
            <translation>Россия</translation>
        </message>
        <message>
            <source>Source not verified: check the code before relying on it.</source>
            <translation>Источник не проверен: сверьтесь с кодексом, прежде чем на него полагаться.</translation>
        </message>
        <message>
            <source>The day as counted, never moved.</source>
            <translation>День по счёту; срок никогда не переносится.</translation>
        </message>
        <message>
            <source>Turkey</source>
            <translation>Турция</translation>
        </message>
        <message>
            <source>Uzbekistan</source>
            <translation>Узбекистан</translation>
        </message>
        <message>
            <source>calendar days</source>
            <translation>календарные дни</translation>
        </message>
        <message>
            <source>months</source>
            <translation>месяцы</translation>
        </message>
        <message>
            <source>weekend</source>
            <translation>выходной</translation>
        </message>
        <message>
            <source>weeks</source>
            <translation>недели</translation>
        </message>
        <message>
            <source>working days</source>
            <translation>рабочие дни</translation>
        </message>
    </context>
    <context>
        <name>FileDialogs</name>
        <message>
            <source>Files of type:</source>
            <translation>Тип файлов:</translation>
        </message>
        <message>
            <source>Look in:</source>
            <translation>Папка:</translation>
        </message>
    </context>
    <context>
        <name>history</name>
        <message>
            <source>Bundle</source>
            <translation>Пакет</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Дело</translation>
        </message>
        <message>
            <source>Colleague</source>
            <translation>Коллега</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Документ</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Событие</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>Удостоверение</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Заметка</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Человек</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <source>Vault</source>
            <translation>Хранилище</translation>
        </message>
        <message>
            <source>You</source>
            <translation>Вы</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>изменено</translation>
        </message>
        <message>
            <source>conflict settled</source>
            <translation>конфликт решён</translation>
        </message>
        <message>
            <source>conflicting version received</source>
            <translation>получена конфликтующая версия</translation>
        </message>
        <message>
            <source>created</source>
            <translation>создано</translation>
        </message>
        <message>
            <source>deleted (to the trash)</source>
            <translation>удалено (в корзину)</translation>
        </message>
        <message>
            <source>deleted for good</source>
            <translation>удалено навсегда</translation>
        </message>
        <message>
            <source>received in a bundle</source>
            <translation>получено в пакете</translation>
        </message>
        <message>
            <source>restored from the trash</source>
            <translation>восстановлено из корзины</translation>
        </message>
        <message>
            <source>sent in a bundle</source>
            <translation>отправлено в пакете</translation>
        </message>
        <message>
            <source>undone</source>
            <translation>отменено</translation>
        </message>
        <message>
            <source>unlocked</source>
            <translation>разблокировано</translation>
        </message>
        <message>
            <source>updated by a new Satchel</source>
            <translation>обновлено новой версией Satchel</translation>
        </message>
    </context>
</TS>
