import type en from "../en/settings";
import type { Translation } from "../translation";

export default {
  page: {
    title: "设置",
    description: "你的个人资料、密码和登录设备。",
  },
  language: {
    heading: "语言",
    intro: "门户界面以及 Tandem 发给你的邮件所使用的语言。",
    label: "语言",
    submit: "保存语言",
    saved: "语言已保存。",
  },
  profile: {
    heading: "个人资料",
    email: "邮箱",
    role: "角色",
    account: "客户",
    vendorTeam: "服务商团队",
    name: "姓名",
    title: "职位（选填）",
    titleHint: "显示在你的姓名旁，例如“运营负责人”。",
    submit: "保存资料",
    saved: "个人资料已保存。",
  },
  password: {
    heading: "密码",
    changeIntro: "修改密码后，你在其他设备上的登录将全部退出。",
    setIntro: "你还没有设置密码，目前通过邮件链接登录。设置密码后，也可以使用密码登录。",
    current: "当前密码",
    new: "新密码",
    newHint: "至少 10 个字符。",
    change: "修改密码",
    set: "设置密码",
    currentRequired: "请输入当前密码。",
    wrongCurrent: "当前密码不正确。",
    changed: "密码已修改，你已在其他设备上退出登录。",
    setDone: "密码已设置，现在可以使用密码登录了。",
  },
  community: {
    heading: "社区",
    intro: "你在社区中向其他公司的人展示的形象，以及你接收哪些社区邮件。",
    link: "编辑社区资料",
  },
  sessions: {
    heading: "在所有设备上退出",
    intro: "设备丢失，或在公用电脑上登录过？这会让你在所有浏览器和设备上退出登录，包括当前设备。",
    submit: "在所有设备上退出",
  },
} satisfies Translation<typeof en>;
