<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<!-- Computed deadlines: units, rules and their legal sources, rollover notes (gui/chronology/deadline_words.py, the deadline part of the event form). -->
<context>
    <name>DeadlineWords</name>
    <message>
        <source>calendar days</source>
        <translation>календарные дни</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>рабочие дни</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>недели</translation>
    </message>
    <message>
        <source>months</source>
        <translation>месяцы</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>Россия</translation>
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
        <source>Uzbekistan</source>
        <translation>Узбекистан</translation>
    </message>
    <message>
        <source>Georgia</source>
        <translation>Грузия</translation>
    </message>
    <message>
        <source>Armenia</source>
        <translation>Армения</translation>
    </message>
    <message>
        <source>Turkey</source>
        <translation>Турция</translation>
    </message>
    <message>
        <source>European Court of Human Rights (never moved)</source>
        <translation>ЕСПЧ (срок не переносится)</translation>
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
        <source>Source not verified: check the code before relying on it.</source>
        <translation>Источник не проверен: сверьтесь с кодексом, прежде чем на него полагаться.</translation>
    </message>
    <message>
        <source>A last day on a weekend or public holiday moves to the next working day: Code of Criminal Procedure of the Russian Federation, art. 128(2) (not for custody terms).</source>
        <translation>Последний день, выпавший на выходной или праздник, переносится на следующий рабочий день: ч. 2 ст. 128 УПК РФ (кроме сроков содержания под стражей).</translation>
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
        <source>A last day on a weekend or public holiday moves to the next working day (Criminal Procedure Code of Georgia).</source>
        <translation>Последний день, выпавший на выходной или праздник, переносится на следующий рабочий день (УПК Грузии).</translation>
    </message>
    <message>
        <source>A last day on a weekend or public holiday moves to the next working day (Criminal Procedure Code of Armenia).</source>
        <translation>Последний день, выпавший на выходной или праздник, переносится на следующий рабочий день (УПК Республики Армения).</translation>
    </message>
    <message>
        <source>A last day on a holiday moves to the next working day: Turkish Code of Criminal Procedure (CMK), art. 39(4).</source>
        <translation>Последний день, выпавший на праздник, переносится на следующий рабочий день: ч. 4 ст. 39 УПК Турции (CMK).</translation>
    </message>
    <message>
        <source>A time limit ending on a Saturday, Sunday or holiday is not extended: Sabri Güneş v. Turkey [GC], no. 27396/06, 29 June 2012.</source>
        <translation>Срок, истекающий в субботу, воскресенье или праздник, не продлевается: «Сабри Гюнеш против Турции» [БП], № 27396/06, 29 июня 2012 г.</translation>
    </message>
    <message>
        <source>The day as counted, never moved.</source>
        <translation>День по счёту; срок никогда не переносится.</translation>
    </message>
    <message>
        <source>A last day on a weekend or public holiday of %1 moves to the next working day (your choice for this deadline; no legal source recorded).</source>
        <translation>Последний день, выпавший на выходной или праздник страны %1, переносится на следующий рабочий день (выбрано для этого срока; правовой источник не указан).</translation>
    </message>
    <message>
        <source>weekend</source>
        <translation>выходной</translation>
    </message>
    <message>
        <source>%1 → %2, %3</source>
        <translation>%1 → %2, %3</translation>
    </message>
    <message>
        <source>%1 is not a working day (%2); this rule does not move it.</source>
        <translation>%1 — нерабочий день (%2); по этому правилу срок не переносится.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Deadline</source>
        <translation>Процессуальный срок</translation>
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
        <source>Counted in</source>
        <translation>Единица счёта</translation>
    </message>
    <message>
        <source>Country whose public holidays count</source>
        <translation>Страна, чьи праздники учитываются</translation>
    </message>
    <message>
        <source>Rolled over: %1</source>
        <translation>Перенос: %1</translation>
    </message>
</context>
</TS>
