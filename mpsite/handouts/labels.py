"""The handouts' own words in each language, and dates written the way each language writes them."""
from __future__ import annotations

import datetime as dt

AUDIENCES = ("teachers", "parents", "students", "staff")

LABELS = {
    "zh": {
        "html_lang": "zh-CN",
        "audience": {"teachers": "教师", "parents": "家长", "students": "学生", "staff": "镇村工作人员"},
        "for": "适用对象",
        "everyone": "所有读者",
        "date": "内容日期",
        "page_before": "第 ", "page_middle": " 页 / 共 ", "page_after": " 页",
        "scan_page": "扫码在线阅读",
        "scan_quiz": "扫码在线自测",
        "quiz_on_paper": "本页的自测题请扫描右上角的二维码在线作答，或使用纸质答题卡。",
        "download": "下载打印版 PDF",
        "button_details": "（{pages} 页，{size}）",
        "pack": {"teachers": "教师手册", "parents": "家长手册", "students": "学生读本", "staff": "工作人员手册"},
        "pack_subject": "{town}未成年人保护培训资料：{pack}",
        "contents": "目录",
        "cover": "封面",
        "name": "姓名", "when": "日期", "score": "得分",
        "sheet": "答题卡", "answer_key": "答案与解析", "answer": "答案",
        "pass_mark": "及格线：答对 {pass_mark}% 的题目",
        "tick_one": "（单选）", "tick_many": "（多选）", "tick_tf": "（判断）",
        "true": "对", "false": "错",
        "trainer_only": "供培训者使用，请勿发给学员。",
        "kinds": {"handout": "讲义", "sheet": "答题卡", "answers": "答案与解析", "pack": "合订本",
                  "paper": "试卷", "paper-key": "试卷答案", "form": "表格", "outline": "授课提纲",
                  "flowchart": "流程图"},
        "col_title": "名称", "col_kind": "类型", "col_pages": "页数", "col_size": "大小",
        "none_yet": "暂无 PDF。PDF 在 mkdocs build 时生成（mkdocs serve 预览时不生成）。",
        "keywords": "未成年人保护, 培训, 讲义",
    },
    "en": {
        "html_lang": "en",
        "audience": {"teachers": "Teachers", "parents": "Parents", "students": "Students", "staff": "Town and village staff"},
        "for": "For",
        "everyone": "Everyone",
        "date": "Content date",
        "page_before": "Page ", "page_middle": " / ", "page_after": "",
        "scan_page": "Read online",
        "scan_quiz": "Take the quiz online",
        "quiz_on_paper": "Scan the code at the top to take this page's quiz online, or use the paper quiz sheet.",
        "download": "Download printable PDF",
        "button_details": " ({pages} {pages_word}, {size})",
        "pack": {"teachers": "Teachers' handbook", "parents": "Parents' handbook",
                 "students": "Students' reader", "staff": "Staff handbook"},
        "pack_subject": "{town} minor-protection training: {pack}",
        "contents": "Contents",
        "cover": "Cover",
        "name": "Name", "when": "Date", "score": "Score",
        "sheet": "Quiz sheet", "answer_key": "Answer key", "answer": "Answer",
        "pass_mark": "Pass mark: {pass_mark}% of the questions right",
        "tick_one": "(tick one)", "tick_many": "(tick all that apply)", "tick_tf": "(true or false)",
        "true": "True", "false": "False",
        "trainer_only": "For the trainer: do not hand out to participants.",
        "kinds": {"handout": "Handout", "sheet": "Quiz sheet", "answers": "Answer key", "pack": "Handbook",
                  "paper": "Exam paper", "paper-key": "Exam answer key", "form": "Form",
                  "outline": "Trainer's outline", "flowchart": "Flowchart"},
        "col_title": "Title", "col_kind": "Type", "col_pages": "Pages", "col_size": "Size",
        "none_yet": "No PDFs yet. They are made by mkdocs build (not while previewing with mkdocs serve).",
        "keywords": "minor protection, training, handout",
    },
}

_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def labels(lang: str) -> dict:
    return LABELS.get(lang, LABELS["en"])


def format_date(day: dt.date, lang: str) -> str:
    if lang == "zh":
        return f"{day.year} 年 {day.month} 月 {day.day} 日"
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def format_size(size: int, lang: str) -> str:
    """Sizes as a reader sees them: 245 KB, 1.3 MB."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"
