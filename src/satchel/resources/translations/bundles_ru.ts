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
        <name>ColleaguesPage</name>
        <message>
            <source>Filter by name, in any spelling</source>
            <translation>Фильтр по имени, в любом написании</translation>
        </message>
        <message>
            <source>Filter colleagues</source>
            <translation>Фильтр коллег</translation>
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
            <source>Colleagues</source>
            <translation>Коллеги</translation>
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
        <message>
            <source>Cancelling; nothing is kept of the unfinished bundle.</source>
            <translation>Отмена: от незаконченного пакета ничего не останется.</translation>
        </message>
    </context>
    <context>
        <name>ImportsPage</name>
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
            <source>Imported: {0} new, {1} changed, {2} conflicts kept for review.</source>
            <translation>Импортировано: новых {0}, изменённых {1}, конфликтов для разбора {2}.</translation>
        </message>
        <message>
            <source>{0} “{1}” from {2}</source>
            <translation>{0} «{1}» от {2}</translation>
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
</TS>
