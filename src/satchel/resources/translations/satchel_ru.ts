<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AddRoleDialog</name>
    <message>
        <source>Add a person to the case</source>
        <translation>Добавить человека в дело</translation>
    </message>
    <message>
        <source>Find a person by any name or spelling</source>
        <translation>Найти человека по любому имени или написанию</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Найти человека</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <source>Role note</source>
        <translation>Примечание к роли</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Примечание:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Choose a person first.</source>
        <translation>Сначала выберите человека.</translation>
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
        <source>A case cannot close before it opened.</source>
        <translation>Дело не может быть закрыто раньше, чем открыто.</translation>
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
        <source>&amp;Add person…</source>
        <translation>&amp;Добавить человека…</translation>
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
        <source>Remove {0} as {1} from this case? The person stays in the vault.</source>
        <translation>Убрать {0} ({1}) из этого дела? Человек останется в хранилище.</translation>
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
        <source>Case title</source>
        <translation>Название дела</translation>
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
        <source>The timeline arrives in a later release.</source>
        <translation>Шкала времени появится в следующей версии.</translation>
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
</context>
<context>
    <name>CasesPage</name>
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
    <message>
        <source>A case cannot close before it opened.</source>
        <translation>Дело не может быть закрыто раньше, чем открыто.</translation>
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
        <translation>Повестка</translation>
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
        <source>Case</source>
        <translation>Дело</translation>
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
    <name>Session</name>
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
    <name>errors</name>
    <message>
        <source>Wrong passphrase or recovery code. Nothing was changed.</source>
        <translation>Неверная парольная фраза или код восстановления. Ничего не изменено.</translation>
    </message>
    <message>
        <source>This vault is already open in another Satchel window or process.</source>
        <translation>Это хранилище уже открыто в другом окне или процессе Satchel.</translation>
    </message>
    <message>
        <source>No vault was found at this location.</source>
        <translation>В этом месте хранилище не найдено.</translation>
    </message>
    <message>
        <source>The vault is damaged or is not a Satchel vault: {0}</source>
        <translation>Хранилище повреждено или не является хранилищем Satchel: {0}</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was changed.</source>
        <translation>Диск заполнен. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Отменено. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Unexpected error ({0}). Nothing was changed.</source>
        <translation>Непредвиденная ошибка ({0}). Ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Look in:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Тип файлов:</translation>
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
</TS>
