"""A summary a website prints all in capitals, put back in the decree's case (Phụ lục II of Nghị định 30/2020).

The summaries are real ones. A law-text website prints them in capitals under the type name. Each expected line
here was written by hand from the decree's rules, not from the function's output. The rules: a capital at the start;
bodies and organisations with the words of their kind and field; place names; a document cited by its type; holidays,
orders and titles; codes and acronyms as typed; every other word in small letters. Sources: the tuned corpus letters
(tests/data/corpus/tuned/01, 04, 24, t01; see SOURCES.md there), the pages named beside each line (as the `search`
tool's pages corpus holds them), and national documents named by their number.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ptdraft import api
from ptdraft.importer.assemble import SUBJECT_RECASED
from ptdraft.vietnamese.recase import all_capitals, from_capitals

TUNED = Path(__file__).resolve().parent / "data" / "corpus" / "tuned"

REAL = [
    # tests/data/corpus/tuned/01 (Nghị quyết 171/NQ-CP), 04 (Quyết định 37/2007/QĐ-UBND Cần Thơ), 24 (Tiền Giang)
    ("BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 15-NQ/TW NGÀY 05 THÁNG 5 NĂM 2022 CỦA BỘ "
     "CHÍNH TRỊ VỀ PHƯƠNG HƯỚNG, NHIỆM VỤ PHÁT TRIỂN THỦ ĐÔ HÀ NỘI ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2045",
     "Ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 15-NQ/TW ngày 05 tháng 5 năm 2022 của Bộ "
     "Chính trị về phương hướng, nhiệm vụ phát triển Thủ đô Hà Nội đến năm 2030, tầm nhìn đến năm 2045"),
    ("VỀ VIỆC BAN HÀNH QUY CHẾ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA BẢO VỆ DÂN PHỐ",
     "Về việc ban hành Quy chế tổ chức và hoạt động của Bảo vệ dân phố"),
    ("BAN HÀNH QUY ĐỊNH VỀ QUẢN LÝ VÀ KHAI THÁC MẠNG TIN HỌC DIỆN RỘNG CỦA ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG",
     "Ban hành Quy định về quản lý và khai thác mạng tin học diện rộng của Ủy ban nhân dân tỉnh Tiền Giang"),
    # thuvienphapluat.vn, Quảng Ninh 2008 (Sở Nội vụ)
    ("VỀ VIỆC QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA SỞ NỘI VỤ TỈNH QUẢNG NINH",
     "Về việc quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ tỉnh Quảng Ninh"),
    # thuviennhadat.vn: Quyết định 05/2010/QĐ-UBND An Giang
    ("BAN HÀNH QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA SỞ NGOẠI VỤ TỈNH AN GIANG",
     "Ban hành Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Ngoại vụ tỉnh An Giang"),
    # thuviennhadat.vn: Quyết định 14/2007/QĐ-UBND Quảng Nam ("&" and the acronym as the site prints them)
    ("BAN HÀNH QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA SỞ NÔNG NGHIỆP & PTNT TỈNH QUẢNG NAM",
     "Ban hành Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nông nghiệp & PTNT tỉnh Quảng Nam"),
    # phapluatcongdong.vn: Quyết định 22/2011/QĐ-UBND Tây Ninh (a province named without "tỉnh")
    ("BAN HÀNH QUY ĐỊNH VỀ CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA SỞ NỘI VỤ TÂY NINH",
     "Ban hành Quy định về chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ Tây Ninh"),
    # thuviennhadat.vn: Quyết định 42/2013/QĐ-UBND Kon Tum
    ("BAN HÀNH QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA BAN DÂN TỘC TỈNH KON TUM",
     "Ban hành Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Ban Dân tộc tỉnh Kon Tum"),
    # thuvienphapluat.vn: Quyết định 2862/QĐ-UBND 2018 Sơn La
    ("VỀ VIỆC BAN HÀNH QUY CHẾ TIẾP NHẬN, XỬ LÝ VÀ TRẢ LỜI PHẢN ÁNH, KIẾN NGHỊ CỦA NGƯỜI DÂN, DOANH NGHIỆP TRÊN CỔNG "
     "THÔNG TIN ĐIỆN TỬ TỈNH SƠN LA",
     "Về việc ban hành Quy chế tiếp nhận, xử lý và trả lời phản ánh, kiến nghị của người dân, doanh nghiệp trên Cổng "
     "thông tin điện tử tỉnh Sơn La"),
    # thuviennhadat.vn: Quyết định 08/2023/QĐ-UBND Đắk Nông
    ("BAN HÀNH QUY ĐỊNH QUẢN LÝ, THANH TOÁN, QUYẾT TOÁN VỐN ĐẦU TƯ NGUỒN NGÂN SÁCH NHÀ NƯỚC GIAO CHO CỘNG ĐỒNG TỰ THỰC "
     "HIỆN XÂY DỰNG CÔNG TRÌNH THEO ĐỊNH MỨC HỖ TRỢ (BẰNG HIỆN VẬT HOẶC BẰNG TIỀN) THUỘC CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC "
     "GIA TRÊN ĐỊA BÀN TỈNH ĐẮK NÔNG",
     "Ban hành Quy định quản lý, thanh toán, quyết toán vốn đầu tư nguồn ngân sách nhà nước giao cho cộng đồng tự thực "
     "hiện xây dựng công trình theo định mức hỗ trợ (bằng hiện vật hoặc bằng tiền) thuộc các chương trình mục tiêu quốc "
     "gia trên địa bàn tỉnh Đắk Nông"),
    # hethongphapluat.com: Nghị quyết 178/NQ-HĐND 2021 Thanh Hóa
    ("VỀ DỰ TOÁN THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN; THU, CHI NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2022, TỈNH THANH HÓA",
     "Về dự toán thu ngân sách nhà nước trên địa bàn; thu, chi ngân sách địa phương năm 2022, tỉnh Thanh Hóa"),
    # nhansu.vn: Nghị quyết 23/2025/NQ-HĐND Phú Thọ
    ("QUY ĐỊNH MỨC CHI CỤ THỂ CHO CÁC HOẠT ĐỘNG KHUYẾN CÔNG TRÊN ĐỊA BÀN TỈNH PHÚ THỌ",
     "Quy định mức chi cụ thể cho các hoạt động khuyến công trên địa bàn tỉnh Phú Thọ"),
    # thuvienphapluat.vn: Nghị quyết 10/2012/NQ-HĐND Thái Nguyên
    ("VỀ QUY ĐỊNH MỘT SỐ CHẾ ĐỘ, ĐỊNH MỨC CHI TIÊU TÀI CHÍNH PHỤC VỤ HOẠT ĐỘNG CỦA HỘI ĐỒNG NHÂN DÂN CÁC CẤP, TRÊN ĐỊA "
     "BÀN TỈNH THÁI NGUYÊN",
     "Về quy định một số chế độ, định mức chi tiêu tài chính phục vụ hoạt động của Hội đồng nhân dân các cấp, trên địa "
     "bàn tỉnh Thái Nguyên"),
    # luatminhkhue.vn: Quyết định 3872/QĐ-UBND 2010 Bình Dương, and the Quy định issued beside it
    ("ỦY QUYỀN ĐỂ CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN, THỊ XÃ CHO PHÉP THÀNH LẬP HỘI CÓ PHẠM VI HOẠT ĐỘNG TRONG XÃ, PHƯỜNG, "
     "THỊ TRẤN TỈNH BÌNH DƯƠNG",
     "Ủy quyền để Chủ tịch Ủy ban nhân dân huyện, thị xã cho phép thành lập hội có phạm vi hoạt động trong xã, phường, "
     "thị trấn tỉnh Bình Dương"),
    ("BAN HÀNH QUY ĐỊNH VỀ TỔ CHỨC, HOẠT ĐỘNG VÀ QUẢN LÝ HỘI TRÊN ĐỊA BÀN TỈNH BÌNH DƯƠNG",
     "Ban hành Quy định về tổ chức, hoạt động và quản lý hội trên địa bàn tỉnh Bình Dương"),
    # ls1.hethongphapluat.com: Nghị quyết 54/2017/NQ-HĐND Hòa Bình ("Hòa Bình" is a name after "tỉnh" only)
    ("QUY ĐỊNH NỘI DUNG, MỨC CHI KINH PHÍ NGÂN SÁCH NHÀ NƯỚC CHO CÔNG TÁC QUẢN LÝ NHÀ NƯỚC VỀ THI HÀNH PHÁP LUẬT XỬ LÝ "
     "VI PHẠM HÀNH CHÍNH TRÊN ĐỊA BÀN TỈNH HÒA BÌNH",
     "Quy định nội dung, mức chi kinh phí ngân sách nhà nước cho công tác quản lý nhà nước về thi hành pháp luật xử lý "
     "vi phạm hành chính trên địa bàn tỉnh Hòa Bình"),
    # nhansu.vn: Nghị quyết 18/2025/NQ-HĐND Thanh Hóa (a type word before a symbol without "số"; Điều N)
    ("SỬA ĐỔI NỘI DUNG TẠI ĐIỀU 1 NGHỊ QUYẾT 64/2017/NQ-HĐND QUY ĐỊNH CHẾ ĐỘ CÔNG TÁC PHÍ, CHẾ ĐỘ CHI TỔ CHỨC HỘI NGHỊ "
     "ĐỐI VỚI CÁC CƠ QUAN NHÀ NƯỚC VÀ ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP TỈNH THANH HÓA ĐÃ ĐƯỢC SỬA ĐỔI TẠI ĐIỀU 1 NGHỊ QUYẾT "
     "29/2024/NQ-HĐND",
     "Sửa đổi nội dung tại Điều 1 Nghị quyết 64/2017/NQ-HĐND quy định chế độ công tác phí, chế độ chi tổ chức hội nghị "
     "đối với các cơ quan nhà nước và đơn vị sự nghiệp công lập tỉnh Thanh Hóa đã được sửa đổi tại Điều 1 Nghị quyết "
     "29/2024/NQ-HĐND"),
    # luatminhkhue.vn: Nghị quyết 02/2013/NQ-HĐND Bạc Liêu
    ("VỀ VIỆC QUY ĐỊNH MỘT SỐ CHẾ ĐỘ CHI TIÊU TÀI CHÍNH BẢO ĐẢM HOẠT ĐỘNG CỦA HỘI ĐỒNG NHÂN DÂN CÁC CẤP",
     "Về việc quy định một số chế độ chi tiêu tài chính bảo đảm hoạt động của Hội đồng nhân dân các cấp"),
    # phapluatcongdong.vn: Quyết định 31/2020/QĐ-UBND Phú Yên
    ("SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY CHẾ CÔNG TÁC THI ĐUA, KHEN THƯỞNG TRÊN ĐỊA BÀN TỈNH BAN HÀNH KÈM THEO QUYẾT "
     "ĐỊNH SỐ 13/2018/QĐ-UBND NGÀY 27 THÁNG 4 NĂM 2018 CỦA ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN",
     "Sửa đổi, bổ sung một số điều của Quy chế công tác thi đua, khen thưởng trên địa bàn tỉnh ban hành kèm theo Quyết "
     "định số 13/2018/QĐ-UBND ngày 27 tháng 4 năm 2018 của Ủy ban nhân dân tỉnh Phú Yên"),
    # vbpl.vn (Hà Nội, ItemID 32083)
    ("VỀ VIỆC PHONG TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA TOÀN QUỐC",
     "Về việc phong tặng danh hiệu Chiến sĩ thi đua toàn quốc"),
    # thiduakhenthuong.langson.gov.vn: Quyết định 1034/QĐ-UBND Lạng Sơn
    ("TẶNG BẰNG KHEN CHO 06 TẬP THỂ, 06 CÁ NHÂN, VÌ ĐÃ CÓ THÀNH TÍCH XUẤT SẮC TRONG TỔ CHỨC NGÀY HỘI ĐẠI ĐOÀN KẾT TOÀN "
     "DÂN TỘC GIAI ĐOẠN 2003 - 2023",
     "Tặng Bằng khen cho 06 tập thể, 06 cá nhân, vì đã có thành tích xuất sắc trong tổ chức Ngày hội Đại đoàn kết toàn "
     "dân tộc giai đoạn 2003 - 2023"),
    # baomoi.net.vn: Thanh Hóa, 2020 (a post before the acronym of its body)
    ("VỀ VIỆC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH CHO 13 TẬP THỂ VÀ 12 CÁ NHÂN ĐÃ CÓ THÀNH TÍCH XUẤT SẮC TRONG CÁC "
     "PHONG TRÀO THI ĐUA YÊU NƯỚC CỦA TỈNH THANH HÓA, GIAI ĐOẠN 2015 - 2020",
     "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh cho 13 tập thể và 12 cá nhân đã có thành tích xuất sắc trong các "
     "phong trào thi đua yêu nước của tỉnh Thanh Hóa, giai đoạn 2015 - 2020"),
    # Nghị định 30/2020/NĐ-CP; Nghị định 102/2024/NĐ-CP; Quyết định 06/QĐ-TTg 2022; Nghị quyết 202/2025/QH15
    ("VỀ CÔNG TÁC VĂN THƯ", "Về công tác văn thư"),
    ("QUY ĐỊNH CHI TIẾT THI HÀNH MỘT SỐ ĐIỀU CỦA LUẬT ĐẤT ĐAI", "Quy định chi tiết thi hành một số điều của Luật Đất đai"),
    ("PHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN ỨNG DỤNG DỮ LIỆU VỀ DÂN CƯ, ĐỊNH DANH VÀ XÁC THỰC ĐIỆN TỬ PHỤC VỤ CHUYỂN ĐỔI SỐ QUỐC "
     "GIA GIAI ĐOẠN 2022 - 2025, TẦM NHÌN ĐẾN NĂM 2030",
     "Phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc "
     "gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030"),
    ("VỀ VIỆC SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP TỈNH", "Về việc sắp xếp đơn vị hành chính cấp tỉnh"),
    # Nghị định 14/2017/NĐ-CP and 79/2017/NĐ-CP: ministries' names, with "-" and ","
    ("QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
     "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Lao động - Thương binh và Xã hội"),
    ("QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
     "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Văn hóa, Thể thao và Du lịch"),
    # Nghị quyết 18-NQ/TW 2017 of the Ban Chấp hành Trung ương; a Chủ tịch nước's decision on an order
    ("MỘT SỐ VẤN ĐỀ VỀ TIẾP TỤC ĐỔI MỚI, SẮP XẾP TỔ CHỨC BỘ MÁY CỦA HỆ THỐNG CHÍNH TRỊ TINH GỌN, HOẠT ĐỘNG HIỆU LỰC, "
     "HIỆU QUẢ",
     "Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, "
     "hiệu quả"),
    ("VỀ VIỆC TẶNG THƯỞNG HUÂN CHƯƠNG LAO ĐỘNG HẠNG NHẤT", "Về việc tặng thưởng Huân chương Lao động hạng Nhất"),
    # tests/test_import_page_forms.py's website headers (Quảng Trị 3330/QĐ-UBND, Kon Tum 06/2024/QĐ-UBND, Kiên Giang)
    ("PHÊ DUYỆT QUY HOẠCH THĂM DÒ, KHAI THÁC, SỬ DỤNG KHOÁNG SẢN TỈNH QUẢNG TRỊ ĐẾN NĂM 2020, CÓ TÍNH ĐẾN NĂM 2030",
     "Phê duyệt Quy hoạch thăm dò, khai thác, sử dụng khoáng sản tỉnh Quảng Trị đến năm 2020, có tính đến năm 2030"),
    ("QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ PHỤC VỤ MỤC TIÊU QUẢN LÝ TRÊN ĐỊA BÀN TỈNH KON TUM",
     "Quy định chế độ báo cáo định kỳ phục vụ mục tiêu quản lý trên địa bàn tỉnh Kon Tum"),
    ("BAN HÀNH QUY CHẾ PHỐI HỢP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG TẠI TRUNG TÂM "
     "PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH KIÊN GIANG",
     "Ban hành Quy chế phối hợp giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Trung tâm "
     "Phục vụ hành chính công tỉnh Kiên Giang"),
]


@pytest.mark.parametrize("capitals, expected", REAL, ids=[f"real{i:02d}" for i in range(len(REAL))])
def test_a_real_summary_in_capitals_reads_in_the_decree_s_case(capitals, expected):
    assert from_capitals(capitals) == expected


@pytest.mark.parametrize("capitals, expected", [
    # codes, symbols and acronyms stay as typed; Roman numerals after a part or a term; points in small letters
    ("VỀ VIỆC CÔNG BỐ DANH MỤC TTHC THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND CẤP XÃ",
     "Về việc công bố danh mục TTHC thuộc thẩm quyền giải quyết của UBND cấp xã"),
    ("THỰC HIỆN CÔNG ƯỚC MARPOL VÀ CHƯƠNG TRÌNH HỢP TÁC VỚI SEAMEO",
     "Thực hiện Công ước MARPOL và chương trình hợp tác với SEAMEO"),
    ("SỬA ĐỔI PHỤ LỤC III VÀ ĐIỂM A KHOẢN 1 ĐIỀU 3 CỦA QUYẾT ĐỊNH SỐ 12/2024/QĐ-UBND",
     "Sửa đổi Phụ lục III và điểm a khoản 1 Điều 3 của Quyết định số 12/2024/QĐ-UBND"),
    ("KỲ HỌP THỨ 7, HỘI ĐỒNG NHÂN DÂN TỈNH KHÓA XI", "Kỳ họp thứ 7, Hội đồng nhân dân tỉnh khóa XI"),
    # units: named with a number, after a person; old districts by the communes that took their name
    ("ĐIỀU CHỈNH ĐỊA GIỚI PHƯỜNG 3, QUẬN 1, THÀNH PHỐ HỒ CHÍ MINH",
     "Điều chỉnh địa giới Phường 3, Quận 1, Thành phố Hồ Chí Minh"),
    ("THÀNH LẬP XÃ EA KLY, HUYỆN KRÔNG PẮC, TỈNH ĐẮK LẮK", "Thành lập xã Ea Kly, huyện Krông Pắc, tỉnh Đắk Lắk"),
    ("SÁP NHẬP TỈNH BÀ RỊA-VŨNG TÀU", "Sáp nhập tỉnh Bà Rịa-Vũng Tàu"),
    # a province's name alone is a name, but for one that is also a word ("hòa bình": peace)
    ("HỢP TÁC VÌ HÒA BÌNH GIỮA HÀ NỘI VÀ TỈNH HÒA BÌNH", "Hợp tác vì hòa bình giữa Hà Nội và tỉnh Hòa Bình"),
    # holidays, lunar years, and a post named with its body
    ("PHÊ DUYỆT KẾ HOẠCH TỔ CHỨC CÁC HOẠT ĐỘNG MỪNG ĐẢNG, MỪNG XUÂN GIÁP THÌN VÀ TẾT NGUYÊN ĐÁN NĂM 2024",
     "Phê duyệt Kế hoạch tổ chức các hoạt động mừng Đảng, mừng xuân Giáp Thìn và Tết Nguyên đán năm 2024"),
    ("ỦY QUYỀN CHO GIÁM ĐỐC SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Ủy quyền cho Giám đốc Sở Tài nguyên và Môi trường"),
    # a law by its name, and "pháp luật", "luật sư" that are none
    ("HƯỚNG DẪN LUẬT SƯ THI HÀNH PHÁP LUẬT VỀ LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG VÀ LUẬT SỐ 47/2019/QH14",
     "Hướng dẫn luật sư thi hành pháp luật về Luật Tổ chức chính quyền địa phương và Luật số 47/2019/QH14"),
    # a body a decision sets up takes the capital of its kind; congresses and plenums of the Party
    ("VỀ VIỆC THÀNH LẬP HỘI ĐỒNG THẨM ĐỊNH GIÁ ĐẤT TỈNH", "Về việc thành lập Hội đồng thẩm định giá đất tỉnh"),
    ("THÀNH LẬP TỔ GIÚP VIỆC CHO BAN CHỈ ĐẠO", "Thành lập Tổ giúp việc cho Ban Chỉ đạo"),
    ("THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XVI VÀ NGHỊ QUYẾT TRUNG ƯƠNG 4 KHÓA XII VỀ XÂY DỰNG, CHỈNH ĐỐN "
     "ĐẢNG",
     "Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI và Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn "
     "Đảng"),
    ("CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG VÙNG ĐỒNG BẰNG SÔNG CỬU LONG",
     "Các tỉnh, thành phố trực thuộc trung ương vùng Đồng bằng sông Cửu Long"),
    ("CHỨC NĂNG CỦA BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN, BỘ CÔNG THƯƠNG VÀ UỶ BAN NHÂN DÂN TP. HỒ CHÍ MINH",
     "Chức năng của Bộ Nông nghiệp và Phát triển nông thôn, Bộ Công Thương và Uỷ ban nhân dân TP. Hồ Chí Minh"),
    # "bộ", "sở", "phòng" inside another word; a letter that is a word or a group's name; a line opening with a number
    ("TOÀN BỘ TÀI CHÍNH CÔNG, CƠ SỞ Y TẾ VÀ DỰ PHÒNG CỦA BỘ Y TẾ; DỰ ÁN NHÓM A; LẤY Ý KIẾN",
     "Toàn bộ tài chính công, cơ sở y tế và dự phòng của Bộ Y tế; dự án nhóm A; lấy ý kiến"),
    ("35 NĂM NGÀY HỘI QUỐC PHÒNG TOÀN DÂN", "35 năm Ngày hội Quốc phòng toàn dân"),
    # a person's name is not in any list: small letters, and the importer's note asks to check it
    ("VỀ VIỆC CỬ ÔNG NGUYỄN VĂN AN ĐI CÔNG TÁC", "Về việc cử ông nguyễn văn an đi công tác"),
])
def test_the_rules_of_phu_luc_ii(capitals, expected):
    assert from_capitals(capitals) == expected


@pytest.mark.parametrize("text", [
    "Về việc ban hành Quy chế tổ chức và hoạt động của BẢO VỆ DÂN PHỐ",  # mixed: left exactly as written
    "ban hành quy định về QUẢN LÝ",
    "15/2024/QĐ-UBND",  # no letters to speak of
    "UBND",
])
def test_a_text_not_all_in_capitals_is_left_as_it_is(text):
    assert from_capitals(text) == text


def test_all_capitals():
    assert all_capitals("VỀ VIỆC BAN HÀNH QUY CHẾ 15-NQ/TW")
    assert not all_capitals("Về việc ban hành")
    assert not all_capitals("QĐ-1")


@pytest.mark.parametrize("name, expected", [
    ("01", REAL[0][1]),
    ("04", REAL[1][1]),
    ("24", REAL[2][1]),
    # the copy glues two words ("ƯỚCQUỐC"): the glued word goes to small letters like any other
    ("t01", "Về việc điều ướcquốc tế có hiệu lực"),
])
def test_the_importer_recases_a_tuned_letter_s_summary_with_a_note(name, expected):
    draft, report = api.import_file(TUNED / f"{name}.txt")
    assert draft.content.subject == expected
    assert SUBJECT_RECASED in report.notes
    assert ("Trích yếu", expected) in report.recognised


_END = ["", "Điều 1. Ban hành kèm theo Quyết định này.", "", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "",
        "CHỦ TỊCH", "", "Nguyễn Văn An"]
_DECISION = ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             "", "Số: 05/2010/QĐ-UBND", "", "Long Xuyên, ngày 05 tháng 02 năm 2010", "", "QUYẾT ĐỊNH", "{subject}", "",
             "ỦY BAN NHÂN DÂN TỈNH AN GIANG", "", "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân;", "",
             "QUYẾT ĐỊNH:"]


def _decision(subject: str) -> str:
    return "\n".join([line.format(subject=subject) for line in _DECISION] + _END)


def test_a_decision_s_summary_in_capitals_is_recased_and_one_in_ordinary_case_is_left_exactly():
    capitals = "BAN HÀNH QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA SỞ NGOẠI VỤ TỈNH AN GIANG"
    draft, report = api.import_text(_decision(capitals))
    assert draft.content.subject == REAL[4][1]
    assert SUBJECT_RECASED in report.notes
    # A summary with any small letter is the clerk's (or the body's) own casing, even where it breaks Phụ lục II.
    mixed = "Ban hành Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của SỞ NGOẠI VỤ tỉnh an giang"
    draft, report = api.import_text(_decision(mixed))
    assert draft.content.subject == mixed
    assert SUBJECT_RECASED not in report.notes


# Công văn 8726/VPCP-KGVX of 26 November 2024 (pld.net.vn names it: "về việc nghỉ Tết Âm lịch và một số dịp nghỉ
# lễ trong năm 2025"), its V/v typed in capitals as some copies print it.
_LETTER = ["VĂN PHÒNG CHÍNH PHỦ", "", "Số: 8726/VPCP-KGVX", "{vv}", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc", "", "Hà Nội, ngày 26 tháng 11 năm 2024", "", "Kính gửi: Bộ Nội vụ.", "",
           "Thủ tướng Chính phủ đồng ý với đề xuất của Bộ Nội vụ./.", "", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "",
           "BỘ TRƯỞNG, CHỦ NHIỆM", "", "Trần Văn Sơn"]


def test_a_v_v_line_in_capitals_is_recased_and_one_in_ordinary_case_is_left_exactly():
    text = "\n".join(line.format(vv="V/V NGHỈ TẾT ÂM LỊCH VÀ MỘT SỐ DỊP NGHỈ LỄ TRONG NĂM 2025") for line in _LETTER)
    draft, report = api.import_text(text)
    assert (draft.content.doc_type, draft.content.subject) == (
        "Công văn", "nghỉ Tết Âm lịch và một số dịp nghỉ lễ trong năm 2025")  # printed after "V/v"
    assert SUBJECT_RECASED in report.notes
    written = "nghỉ tết âm lịch và MỘT SỐ dịp nghỉ lễ trong năm 2025"
    draft, report = api.import_text("\n".join(line.format(vv=f"V/v {written}") for line in _LETTER))
    assert draft.content.subject == written
    assert SUBJECT_RECASED not in report.notes


def _checked(template_id: str, start: str, text: str) -> list:
    from ptdraft.checker import check_bytes
    from tests.support.checker import broken, set_text

    return [f for f in check_bytes(broken(template_id, lambda d: set_text(d, start, text))) if f.rule == "text.case"]


def test_the_checker_s_case_finding_suggests_the_summary_in_the_decree_s_case():
    (finding,) = _checked("quyet-dinh", "Về việc thành lập",
                          "VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC RÀ SOÁT THỦ TỤC HÀNH CHÍNH TỈNH QUẢNG TRỊ")
    assert "“Về việc thành lập Tổ công tác rà soát thủ tục hành chính tỉnh Quảng Trị” (kiểm tra lại tên riêng)" \
        in finding.fix
    assert not finding.fixable  # --fix changes no letter: the clerk confirms the proper names
    (finding,) = _checked("cong-van-chung", "V/v", "V/V BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH NĂM 2026 CỦA SỞ NỘI VỤ")
    assert "“V/v báo cáo kết quả cải cách hành chính năm 2026 của Sở Nội vụ”" in finding.fix
