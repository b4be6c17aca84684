"""The quiz interface in each language: labels in the HTML and messages the script fills in.

``SCRIPT`` goes into the quiz block as a data attribute, so quiz.js holds no language of its own.
"""
from __future__ import annotations

LABELS = {
    "zh": {
        "num": "第 {n} 题",
        "questions": "{n} 题",
        "pass_mark": "及格线 {pass}%",
        "hint_single": "单选",
        "hint_multiple": "多选：选出所有正确项",
        "hint_truefalse": "判断正误",
        "true": "正确",
        "false": "错误",
        "answer": "参考答案",
        "correct_answer": "正确答案：",
        "cite": "依据：",
        "check_one": "检查本题",
        "check_all": "全部检查并评分",
        "retry": "再试一次（打乱顺序）",
        "present": "演示模式",
        "prev": "上一题",
        "next": "下一题",
        "reveal": "显示答案",
        "exit": "退出演示",
        "downloads": "导出到学习平台：",
        "key": "答案与解析",
        "audience_teachers": "教师",
        "audience_parents": "家长",
        "audience_students": "学生",
        "audience_staff": "镇村工作人员",
        "hub_empty": "自测题正在编写中，很快就会在这里列出。",
        "hub_unplaced": "（尚未放到页面上）",
        "list_sep": "、",
        # The certificate of completion, offered once a reader passes (quiz.js fills the slots).
        "cert_open": "打印结业证明",
        "cert_name": "姓名（印在证明上）",
        "cert_print": "打印",
        "cert_note": "姓名只用于这次打印，不保存，也不发送。",
        "cert_heading": "结业证明",
        "cert_certify": "兹证明",
        "cert_done": "完成了{town}未成年人保护培训自测",
        "cert_disclaimer": "本证明由学员在培训网站上自行打印，记录参加培训的情况，不是资格证书。",
    },
    "en": {
        "num": "Question {n}",
        "questions": "{n} questions",
        "pass_mark": "pass mark {pass}%",
        "hint_single": "Choose one",
        "hint_multiple": "Choose all that apply",
        "hint_truefalse": "True or false",
        "true": "True",
        "false": "False",
        "answer": "Answer",
        "correct_answer": "Correct answer: ",
        "cite": "Legal basis: ",
        "check_one": "Check this question",
        "check_all": "Check all and score",
        "retry": "Try again (shuffled)",
        "present": "Presentation mode",
        "prev": "Previous",
        "next": "Next",
        "reveal": "Show answer",
        "exit": "Exit presentation",
        "downloads": "Export to a learning platform: ",
        "key": "Answers and explanations",
        "audience_teachers": "Teachers",
        "audience_parents": "Parents",
        "audience_students": "Students",
        "audience_staff": "Town and village staff",
        "hub_empty": "The self-tests are being written and will be listed here soon.",
        "hub_unplaced": "(not on a page yet)",
        "list_sep": ", ",
        "cert_open": "Print a certificate",
        "cert_name": "Name (printed on the certificate)",
        "cert_print": "Print",
        "cert_note": "The name is used for this print only: it is not stored or sent.",
        "cert_heading": "Certificate of completion",
        "cert_certify": "This is to certify that",
        "cert_done": "has completed the {town} minor-protection training self-test",
        "cert_disclaimer": "Printed by the participant from the training site: a record of taking part, not a qualification.",
    },
}

# Messages quiz.js composes at run time; {placeholders} are filled in by the script.
SCRIPT = {
    "zh": {
        "num": "第 {n} 题",
        "right": "回答正确。",
        "wrong": "回答错误。",
        "none": "尚未作答。",
        "score": "得分：{correct} / {total}（{pct}%），及格线 {pass}%。",
        "passed": "通过！",
        "failed": "未通过，看看解析后再试一次。",
        "last": "上次得分：{correct} / {total}（{pct}%）。",
        "progress": "{n} / {total}",
        "restart": "已重新开始，题目和选项顺序已打乱。",
        "cert_score": "得分 {correct} / {total}（{pct}%），及格线 {pass}%",
        "cert_date": "{y} 年 {m} 月 {d} 日",
        "months": "",   # Chinese dates write the month as a number
        "cert_need_name": "请先填写姓名。",
    },
    "en": {
        "num": "Question {n}",
        "right": "Correct.",
        "wrong": "Not correct.",
        "none": "Not answered yet.",
        "score": "Score: {correct} / {total} ({pct}%), pass mark {pass}%.",
        "passed": "Passed!",
        "failed": "Not passed yet: read the explanations and try again.",
        "last": "Last score: {correct} / {total} ({pct}%).",
        "progress": "{n} / {total}",
        "restart": "Started again; questions and options are shuffled.",
        "cert_score": "Score {correct} / {total} ({pct}%), pass mark {pass}%",
        "cert_date": "{d} {month} {y}",
        "months": "January February March April May June July August September October November December",
        "cert_need_name": "Please type a name first.",
    },
}


def labels(lang: str) -> dict[str, str]:
    return LABELS["en" if lang == "en" else "zh"]


def script(lang: str) -> dict[str, str]:
    return SCRIPT["en" if lang == "en" else "zh"]
