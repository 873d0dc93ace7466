import { Text, View } from '@tarojs/components'
import type { Block, Inline } from '../../../../types/articles'
import { linkKind, openArticleLink } from '../links'
import './articles.scss'

/** One run of text or a link. Text is given to Text as a string: whatever it contains is shown, never parsed. */
function InlineText({ inline }: { inline: Inline }) {
  if (inline.type === 'link' && linkKind(inline.href)) {
    return (
      <Text className='article-body__link' onClick={() => openArticleLink(inline.href)}>
        {inline.text}
      </Text>
    )
  }
  return <Text>{inline.text}</Text>
}

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((inline, index) => (
        <InlineText key={index} inline={inline} />
      ))}
    </>
  )
}

function BlockView({ block }: { block: Block }) {
  if (block.type === 'heading') {
    return (
      <View className={`article-body__heading article-body__heading--${block.level}`} role='heading' aria-level={block.level + 1}>
        {block.text}
      </View>
    )
  }
  if (block.type === 'paragraph') {
    return (
      <View className='article-body__para'>
        <Inlines inlines={block.inlines} />
      </View>
    )
  }
  return (
    <View className='article-body__list' role='list'>
      {block.items.map((item, index) => (
        <View key={index} className='article-body__item' role='listitem'>
          <Text className='article-body__marker'>{block.ordered ? `${index + 1}.` : '•'}</Text>
          <View className='article-body__item-text'>
            <Inlines inlines={item} />
          </View>
        </View>
      ))}
    </View>
  )
}

/** An article's body from its parsed blocks, with Views and Texts only: no rich-text, no HTML. */
export function ArticleBody({ blocks }: { blocks: Block[] }) {
  return (
    <View className='article-body'>
      {blocks.map((block, index) => (
        <BlockView key={index} block={block} />
      ))}
    </View>
  )
}
