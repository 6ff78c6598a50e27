<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>SecurityDialog</name>
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
        <source>Panic wipe</source>
        <translation>Экстренное уничтожение</translation>
    </message>
    <message>
        <source>Destroy this vault now? Neither the passphrase nor the recovery code will open it again, and nobody can recover it.</source>
        <translation>Уничтожить это хранилище сейчас? Ни парольная фраза, ни код восстановления больше его не откроют, и восстановить его не сможет никто.</translation>
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
</context>
</TS>
