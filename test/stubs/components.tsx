/** Hand-written stand-ins for @tarojs/components: plain DOM elements with Taro's event shapes. */
import { createElement, forwardRef, type ChangeEvent, type KeyboardEvent, type ReactNode } from 'react'

type Props = Record<string, unknown> & { children?: ReactNode }

const TARO_ONLY = [
  'scrollX',
  'scrollY',
  'confirmType',
  'maxlength',
  'placeholderClass',
  'hoverClass',
  'enableFlex',
  'fields',
  'mode',
  'start',
  'end',
  'range',
  'color',
  'selectable',
  'userSelect',
]

/** Taro's H5 components hand `nativeProps` to the element they render inside (an <img>, an <input>): so do these. */
function domProps(props: Props): Props {
  const out: Props = {}
  for (const [key, value] of Object.entries(props)) if (!TARO_ONLY.includes(key) && key !== 'nativeProps') out[key] = value
  return { ...out, ...(props.nativeProps as Props | undefined) }
}

// forwardRef: components hand a ref to View as to Taro's (page-frame.tsx).
const element = (tag: string) =>
  forwardRef<HTMLElement, Props>(function TaroElement(props, ref) {
    return createElement(tag, { ...domProps(props), ref })
  })

export const View = element('div')
export const Text = element('span')
export const ScrollView = element('div')
export const Image = element('img')
export const Label = element('label')

/**
 * What the parent does in WeChat's phone-number sheet (open-type='getPhoneNumber'): allows by default; a test sets
 * `phoneNumberSheet.detail` to { errMsg: 'getPhoneNumber:fail user deny' } to refuse, and puts it back after.
 */
export const phoneNumberSheet = { detail: { errMsg: 'getPhoneNumber:ok', code: 'wx-phone-code' } as Record<string, unknown> }

/**
 * open-type='agreePrivacyAuthorization': in WeChat a tap agrees and fires onAgreePrivacyAuthorization.
 * open-type='getPhoneNumber': a tap opens WeChat's sheet and fires onGetPhoneNumber with the parent's answer.
 */
export function Button({ children, openType, onAgreePrivacyAuthorization, onGetPhoneNumber, onClick, ...props }: Props) {
  const agree = openType === 'agreePrivacyAuthorization' ? (onAgreePrivacyAuthorization as ((e: unknown) => void) | undefined) : undefined
  const phone = openType === 'getPhoneNumber' ? (onGetPhoneNumber as ((e: unknown) => void) | undefined) : undefined
  const click = (event: unknown) => {
    ;(onClick as ((e: unknown) => void) | undefined)?.(event)
    agree?.({ detail: {} })
    phone?.({ detail: { ...phoneNumberSheet.detail } })
  }
  return createElement('button', { type: 'button', ...domProps(props), 'data-open-type': openType, onClick: click }, children)
}

export function Input({ onInput, onConfirm, value, placeholder, ...props }: Props) {
  return createElement('input', {
    ...domProps(props),
    value: value ?? '',
    placeholder,
    onChange: (event: ChangeEvent<HTMLInputElement>) => (onInput as ((e: unknown) => void) | undefined)?.({ detail: { value: event.target.value } }),
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter') (onConfirm as ((e: unknown) => void) | undefined)?.({ detail: { value: event.currentTarget.value } })
    },
  })
}

export function Textarea({ onInput, value, placeholder, ...props }: Props) {
  return createElement('textarea', {
    ...domProps(props),
    value: value ?? '',
    placeholder,
    onChange: (event: ChangeEvent<HTMLTextAreaElement>) => (onInput as ((e: unknown) => void) | undefined)?.({ detail: { value: event.target.value } }),
  })
}

export function Switch({ checked, onChange, ...props }: Props) {
  return createElement('input', {
    ...domProps(props),
    type: 'checkbox',
    role: 'switch',
    checked: Boolean(checked),
    onChange: (event: ChangeEvent<HTMLInputElement>) => (onChange as (e: unknown) => void)?.({ detail: { value: event.target.checked } }),
  })
}

/** The native picker becomes a visible label plus an input a test can type a value into. */
export function Picker({ children, onChange, value, mode }: Props) {
  return createElement(
    'div',
    { 'data-picker': mode },
    children,
    createElement('input', {
      'aria-label': `picker-${String(mode)}`,
      value: value ?? '',
      onChange: (event: ChangeEvent<HTMLInputElement>) => (onChange as (e: unknown) => void)?.({ detail: { value: event.target.value } }),
    }),
  )
}
