import { isAllowedHref, MarkupError, parseMarkup, plainTextOf } from './markup'

/** The error a body gets, or null when it parses. */
function errorOf(source: string): MarkupError | null {
  try {
    parseMarkup(source)
    return null
  } catch (error) {
    if (error instanceof MarkupError) return error
    throw error
  }
}

describe('blocks', () => {
  it('reads headings of levels 1 to 3; deeper or without a space they are text', () => {
    expect(parseMarkup('# 一、总体要求\n## （一）支持政策\n### 1. 加强规划')).toEqual([
      { type: 'heading', level: 1, text: '一、总体要求' },
      { type: 'heading', level: 2, text: '（一）支持政策' },
      { type: 'heading', level: 3, text: '1. 加强规划' },
    ])
    expect(parseMarkup('#### 第四级')).toEqual([{ type: 'paragraph', inlines: [{ type: 'text', text: '#### 第四级' }] }])
    expect(parseMarkup('#话题')).toEqual([{ type: 'paragraph', inlines: [{ type: 'text', text: '#话题' }] }])
  })

  it('joins consecutive lines into one paragraph (no space between Chinese lines) and splits at blank lines', () => {
    expect(parseMarkup('第一行，\n接着第一行。\n\n第二段\r\n\r\nWord one\nword two')).toEqual([
      { type: 'paragraph', inlines: [{ type: 'text', text: '第一行，接着第一行。' }] },
      { type: 'paragraph', inlines: [{ type: 'text', text: '第二段' }] },
      { type: 'paragraph', inlines: [{ type: 'text', text: 'Word one word two' }] },
    ])
  })

  it('reads bullet and numbered lists; a change of kind starts a new list, text after a list a new paragraph', () => {
    expect(parseMarkup('- 全日托\n- 半日托\n1. 第一步\n2. 第二步\n之后的说明')).toEqual([
      { type: 'list', ordered: false, items: [[{ type: 'text', text: '全日托' }], [{ type: 'text', text: '半日托' }]] },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: '第一步' }], [{ type: 'text', text: '第二步' }]] },
      { type: 'paragraph', inlines: [{ type: 'text', text: '之后的说明' }] },
    ])
    // "1.加强" without a space is a sentence, not a list item; "-5℃" is not a bullet.
    expect(parseMarkup('1.加强规划\n-5℃以下')[0]).toEqual({ type: 'paragraph', inlines: [{ type: 'text', text: '1.加强规划-5℃以下' }] })
  })

  it('ends a list at a blank line and a paragraph at a heading or list item', () => {
    const blocks = parseMarkup('说明\n- 甲\n\n- 乙\n# 标题\n正文')
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'list', 'heading', 'paragraph'])
  })

  it('reads links inside paragraphs and list items', () => {
    expect(parseMarkup('详见[政策原文](https://www.jl.gov.cn/zw/)和[找托育](/pages/index/index)。\n- [投诉](/pages/complaints/index)')).toEqual([
      {
        type: 'paragraph',
        inlines: [
          { type: 'text', text: '详见' },
          { type: 'link', text: '政策原文', href: 'https://www.jl.gov.cn/zw/' },
          { type: 'text', text: '和' },
          { type: 'link', text: '找托育', href: '/pages/index/index' },
          { type: 'text', text: '。' },
        ],
      },
      { type: 'list', ordered: false, items: [[{ type: 'link', text: '投诉', href: '/pages/complaints/index' }]] },
    ])
  })

  it('keeps square brackets that are not links as text', () => {
    expect(parseMarkup('（责任单位：各市[州]政府）')).toEqual([{ type: 'paragraph', inlines: [{ type: 'text', text: '（责任单位：各市[州]政府）' }] }])
  })
})

describe('nothing runs', () => {
  it('keeps HTML as the characters typed', () => {
    const source = '<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n\n# <b>标题</b>\n- <a href="javascript:alert(1)">点我</a>'
    expect(parseMarkup(source)).toEqual([
      { type: 'paragraph', inlines: [{ type: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' }] },
      { type: 'heading', level: 1, text: '<b>标题</b>' },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: '<a href="javascript:alert(1)">点我</a>' }]] },
    ])
  })

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['data:text/html;base64,PHNjcmlwdD4='],
    ['http://example.com'],
    ['vbscript:msgbox'],
    ['//evil.example.com/x'],
    ['/pages/../../etc'],
    ['/pages/index/index#x'],
    ['/api/admin/articles'],
    ['https://'],
    ['https://user:pw@example.com/'],
    ['ftp://example.com'],
    ['mailto:a@b.c'],
    [''],
  ])('refuses the link target %j with the line number', (href) => {
    const error = errorOf(`第一段\n\n说明文字，[点这里](${href})`)
    expect(error).not.toBeNull()
    expect(error!.line).toBe(3)
    expect(error!.message).toMatch(/^第 3 行：/)
  })

  it('refuses malformed links rather than showing them half-parsed', () => {
    expect(errorOf('[没有结尾](https://example.com')!.line).toBe(1)
    expect(errorOf('一\n二](https://example.com)')!.line).toBe(2)
    expect(errorOf('[](https://example.com)')!.message).toContain('缺少文字')
    expect(errorOf('[说明](https://example.com "标题")')).not.toBeNull()
    expect(errorOf('- 项目\n- [坏](javascript:alert(1))')!.line).toBe(2)
  })

  it('names the line of a bad link in the middle of a paragraph', () => {
    expect(errorOf('第一行\n第二行[坏](http://a.cn)\n第三行')!.line).toBe(2)
  })

  it('refuses a link in a heading, control characters and an empty body', () => {
    expect(errorOf('# [标题](https://example.com)')!.message).toContain('标题中不能使用链接')
    expect(errorOf('正文\n\u0007响铃')!.line).toBe(2)
    expect(errorOf('  \n\n')!.message).toContain('正文不能为空')
    expect(errorOf('正文\n# ')!.message).toContain('标题没有文字')
    expect(errorOf('###')!.message).toContain('标题没有文字')
  })
})

describe('link targets', () => {
  it('allows https URLs and in-app pages only', () => {
    expect(isAllowedHref('https://www.gov.cn/zhengce/content/2019-05/09/content_5389983.htm')).toBe(true)
    expect(isAllowedHref('HTTPS://EXAMPLE.COM')).toBe(true)
    expect(isAllowedHref('/pages/articles/detail?id=3f1c2a9e-0000-4000-8000-000000000000')).toBe(true)
    expect(isAllowedHref('/pages/index/index')).toBe(true)
    expect(isAllowedHref('/pages')).toBe(false)
    expect(isAllowedHref(' https://example.com')).toBe(false)
  })
})

describe('plainTextOf', () => {
  it('gives the words of headings, paragraphs, items and link labels but not link targets', () => {
    const text = plainTextOf(parseMarkup('# 标题\n段落[链接文字](https://secret.example.com/path)\n- 项目'))
    expect(text).toContain('标题')
    expect(text).toContain('链接文字')
    expect(text).toContain('项目')
    expect(text).not.toContain('secret')
  })
})
