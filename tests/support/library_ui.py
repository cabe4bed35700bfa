"""Office templates and drafts for the window tests of the template library and the register."""
from __future__ import annotations

import dataclasses

from ptdraft import api


def office_source(template_id: str = "cong-van-so-noi-vu", title: str = "Công văn thử của Sở Nội vụ") -> str:
    """The text of the shipped general công văn under another id and title (an office's own template)."""
    source = api.get_template("cong-van-chung").source
    return source.replace('id = "cong-van-chung"', f'id = "{template_id}"').replace(
        'title = "Công văn (mẫu chung)"', f'title = "{title}"'
    )


def approved(template_id: str = "cong-van-so-noi-vu", title: str = "Công văn thử của Sở Nội vụ"):
    """An office template stored, submitted and approved; its TemplateVersion."""
    stored = api.save_template(office_source(template_id, title), by="chuyên viên An", submit=True)
    return api.approve_template(stored.template_id, stored.version, by="Chánh Văn phòng")


def plain_letter():
    """A blank công văn typed in by hand (no template): literal texts a clerk may turn into fields."""
    draft = api.blank_draft()
    content = dataclasses.replace(
        draft.content,
        authority="SỞ NỘI VỤ",
        issuer_code="SNV",
        unit_code="VP",
        place="Quảng Trị",
        subject="mời họp giao ban tháng 12",
        recipients=("Các phòng chuyên môn thuộc Sở",),
        body="Sở Nội vụ mời dự họp giao ban tại phòng họp số 2, tầng 3.\n\nĐề nghị các phòng chuẩn bị báo cáo.",
        signature=dataclasses.replace(draft.content.signature, position="GIÁM ĐỐC", name="Nguyễn Văn An"),
    )
    return dataclasses.replace(draft, content=content, title="Giấy mời họp giao ban")
