import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { useMeStore } from './store'

type Parts = { me?: boolean; children?: boolean; linked?: boolean }

/** Loads the signed-in parent's data when the page mounts, when they sign in, and each time the page shows again. */
export function useMeData(signedIn: boolean, parts: Parts = { me: true, children: true, linked: true }) {
  const latest = useRef({ signedIn, parts })
  latest.current = { signedIn, parts }
  const mounted = useRef(false)

  const load = () => {
    const { signedIn: on, parts: wanted } = latest.current
    if (!on) return
    const store = useMeStore.getState()
    if (wanted.me) void store.loadMe()
    if (wanted.children) void store.loadChildren()
    if (wanted.linked) void store.loadLinked()
  }

  useEffect(load, [signedIn])

  useDidShow(() => {
    // The first show is the mount, already loaded above.
    if (mounted.current) load()
    mounted.current = true
  })
}
