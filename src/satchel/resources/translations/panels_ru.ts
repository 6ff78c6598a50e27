<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
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
    <message>
        <source>An event needs a title.</source>
        <translation>У события должен быть заголовок.</translation>
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
        <source>Delete event</source>
        <translation>Удаление события</translation>
    </message>
    <message>
        <source>Delete the event “%1” (%2)?</source>
        <translation>Удалить событие «%1» (%2)?</translation>
    </message>
    <message>
        <source>The deletion is recorded in the audit log. It cannot be undone.</source>
        <translation>Удаление записывается в журнал аудита. Отменить его нельзя.</translation>
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
        <source>%1 B</source>
        <translation>%1 Б</translation>
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
        <source>Delete the selected document (Delete)</source>
        <translation>Удалить выбранный документ (Delete)</translation>
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
        <source>Delete document</source>
        <translation>Удаление документа</translation>
    </message>
    <message>
        <source>Delete “%1” (%2) from the vault?</source>
        <translation>Удалить «%1» (%2) из хранилища?</translation>
    </message>
    <message>
        <source>The deletion is recorded in the audit log. It cannot be undone.</source>
        <translation>Удаление записывается в журнал аудита. Отменить его нельзя.</translation>
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
        <source>Quote from the source</source>
        <translation>Цитата из источника</translation>
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
    <name>FuzzyDateEdit</name>
    <message>
        <source>Date kind</source>
        <translation>Вид даты</translation>
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
    <message>
        <source>that day does not exist in that month</source>
        <translation>в этом месяце нет такого дня</translation>
    </message>
    <message>
        <source>the end lies before the start</source>
        <translation>конец раньше начала</translation>
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
        <source>Delete the selected note (Delete)</source>
        <translation>Удалить выбранную заметку (Delete)</translation>
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
        <source>Delete the note “%1”?</source>
        <translation>Удалить заметку «%1»?</translation>
    </message>
    <message>
        <source>The deletion is recorded in the audit log. It cannot be undone.</source>
        <translation>Удаление записывается в журнал аудита. Отменить его нельзя.</translation>
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
        <source>Delete the selected person (Delete)</source>
        <translation>Удалить выбранного человека (Delete)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
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
        <source>They are removed from the events that name them.</source>
        <translation>Они будут убраны из событий, где упомянуты.</translation>
    </message>
    <message>
        <source>They lose their roles in cases (%1) and are removed from the events.</source>
        <translation>Они потеряют роли в делах (%1) и будут убраны из событий.</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>Удаление человека</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>Удалить «%1»?</translation>
    </message>
    <message>
        <source>The deletion is recorded in the audit log.</source>
        <translation>Удаление записывается в журнал аудита.</translation>
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
        <source>Dates as YYYY, YYYY-MM or YYYY-MM-DD.</source>
        <translation>Даты в виде ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД.</translation>
    </message>
    <message>
        <source>Known:</source>
        <translation>Известна:</translation>
    </message>
    <message>
        <source>Date of birth is known</source>
        <translation>Дата рождения известна</translation>
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
        <source>Row %1: a document needs its number.</source>
        <translation>Строка %1: у документа должен быть номер.</translation>
    </message>
    <message>
        <source>Row %1: write dates as YYYY, YYYY-MM or YYYY-MM-DD.</source>
        <translation>Строка %1: записывайте даты как ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД.</translation>
    </message>
    <message>
        <source>Row %1: a contact needs a value.</source>
        <translation>Строка %1: у контакта должно быть значение.</translation>
    </message>
    <message>
        <source>A person needs at least one name.</source>
        <translation>У человека должно быть хотя бы одно имя.</translation>
    </message>
    <message>
        <source>Only one name can be the primary name.</source>
        <translation>Основным может быть только одно имя.</translation>
    </message>
    <message>
        <source>That day does not exist in that month.</source>
        <translation>В этом месяце нет такого дня.</translation>
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
    <name>RoleLabels</name>
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
</context>
<context>
    <name>_StatusDelegate</name>
    <message>
        <source>Status of the fact</source>
        <translation>Статус факта</translation>
    </message>
</context>
</TS>