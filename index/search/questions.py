"""Words that make a question of a search ("what does the report say about …?") without saying
what it is about, in each language. Matched as typed (lowercased), not stemmed: `reporting` is
a subject, `report` is not; so each language lists the forms a question uses."""

from __future__ import annotations

from index.language import arabic

_QUESTION_WORDS = {
    "en": """
        what which who whom whose where why how
        do does did done doing is was were been being has had having am
        say says said saying tell me my i please
        about regarding concerning mention mentions mentioned
        there any anything something
        would could
        find show give know want need look looking
        report reports paragraph paragraphs document documents
    """,
    "fr": """
        que quoi qu quel quelle quels quelles qui où pourquoi comment combien
        dit disent dire parle parlent mentionne mentionnent indique indiquent
        est ce il y a montre montrez donne donnez trouve trouver cherche
        sujet propos concernant concerne
        rapport rapports paragraphe paragraphes document documents
    """,
    "es": """
        qué que cuál cuáles quién quiénes dónde por porqué cómo cuánto cuántos
        dice dicen decir habla hablan menciona mencionan indica indican
        hay muestra muestre muestran busca buscar encuentra encontrar
        sobre acerca respecto
        informe informes párrafo párrafos documento documentos
    """,
    "ru": """
        что чем о об про какие какой какая каких где почему как сколько ли
        говорит говорится сказано говорят упоминается упоминает написано пишут
        есть покажи покажите найди найдите расскажи расскажите
        доклад доклада докладе докладах отчет отчете отчёт отчёте пункт пункте пункты
        документ документе
    """,
    "ar": """
        ماذا ما هل كيف لماذا متى اين من الذي التي
        يقول تقول يقوله ذكر يذكر تذكر يتحدث يتناول ورد
        عن بشان حول
        التقرير تقرير التقارير الفقره فقره الوثيقه
    """,
    "zh": """
        什么 哪些 哪个 如何 怎么 怎样 为什么 是否 有没有
        关于 有关 说 说了 讲 提到 谈到 告诉 请 我 我们 想 知道 查找 显示
        报告 段落 文件
    """,
}
QUESTION_WORDS = {
    lang: frozenset(arabic.normalise(word) if lang == "ar" else word for word in words.split())
    for lang, words in _QUESTION_WORDS.items()
}


def is_question_word(word: str, lang: str) -> bool:
    """Whether `word`, as typed, only makes a question of a search in `lang`."""
    typed = arabic.normalise(word) if lang == "ar" else word.casefold()
    return typed in QUESTION_WORDS.get(lang, frozenset())
