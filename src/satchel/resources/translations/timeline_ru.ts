<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>Timeline</name>
    <message>
        <source>All cases timeline</source>
        <translation>Хронология всех дел</translation>
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
        <source>Lanes by case</source>
        <translation>Дорожки по делам</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>Дорожки</translation>
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
    <message numerus="yes">
        <source>Undated (to be determined): %n event(s)</source>
        <translation>
            <numerusform>Без даты (не определена): %n событие</numerusform>
            <numerusform>Без даты (не определена): %n события</numerusform>
            <numerusform>Без даты (не определена): %n событий</numerusform>
        </translation>
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
        <translation>Хронология на шкале</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) here — click to zoom in</source>
        <translation>
            <numerusform>%n событие здесь — щёлкните, чтобы приблизить</numerusform>
            <numerusform>%n события здесь — щёлкните, чтобы приблизить</numerusform>
            <numerusform>%n событий здесь — щёлкните, чтобы приблизить</numerusform>
        </translation>
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
</context>
<context>
    <name>Agenda</name>
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
    <message numerus="yes">
        <source>%1 overdue, %2 due within 3 days, %3 in the next %n week(s)</source>
        <translation>
            <numerusform>просрочено: %1, в ближайшие 3 дня: %2, всего за %n неделю: %3</numerusform>
            <numerusform>просрочено: %1, в ближайшие 3 дня: %2, всего за %n недели: %3</numerusform>
            <numerusform>просрочено: %1, в ближайшие 3 дня: %2, всего за %n недель: %3</numerusform>
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
        <source>Could not start the report (the printer or file refused).</source>
        <translation>Не удалось начать отчёт (принтер или файл отказали).</translation>
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
        <source>The disk is full; the report was not written.</source>
        <translation>Диск заполнен; отчёт не записан.</translation>
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
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
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
</TS>
